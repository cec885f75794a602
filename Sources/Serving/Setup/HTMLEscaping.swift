/// Escaping for the contexts the setup page places data in.
package enum HTMLEscaping {
    /// For element text and quoted attribute values.
    package static func text(_ value: String) -> String {
        replacing(value, ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    }

    /// For JSON inside `<script type="application/json">`: nothing in it can end the element
    /// (`</script>`), open a comment (`<!--`) or break a line in old JavaScript parsers.
    package static func scriptJSON(_ json: String) -> String {
        replacing(
            json,
            ["<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u{2028}": "\\u2028", "\u{2029}": "\\u2029"])
    }

    private static func replacing(_ value: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            if let replacement = replacements[scalar] {
                escaped += replacement
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
