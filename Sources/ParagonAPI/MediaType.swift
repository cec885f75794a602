/// A media type as a Content-Type value or an OpenAPI content key writes it (RFC 9110 §8.3.1):
/// `type/subtype` then `; name=value` parameters.
public struct MediaType: Sendable, Equatable {
    /// `type/subtype`, lower-cased, without parameters; empty when none was given.
    public var essence: String
    /// The parameters by lower-cased name, values without their quotes.
    public var parameters: [String: String]

    public init(_ text: String?) {
        let parts = (text ?? "").split(separator: ";", omittingEmptySubsequences: false)
        essence = parts.first.map { $0.trimmingSpaces.lowercased() } ?? ""
        parameters = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = part[..<equals].trimmingSpaces.lowercased()
            var value = part[part.index(after: equals)...].trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = value.dropFirst().dropLast() }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = String(value) }
        }
    }

    /// JSON: `application/json`, any `+json` suffix (RFC 6839 §3.1), and the older `text/json`.
    public var isJSON: Bool { essence == "application/json" || essence.hasSuffix("+json") || essence == "text/json" }

    /// The `charset` parameter, lower-cased; nil when none is given.
    public var charset: String? { parameters["charset"]?.lowercased() }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
