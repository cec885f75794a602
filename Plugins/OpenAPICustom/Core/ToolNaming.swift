/// Tool names for operations, as the TypeScript server makes them (so agents and
/// `LIMIT_TO_TOOLS` lists carry over), without its quirks.
enum ToolNaming {
    static let maxLength = 50

    /// `SPOTIFY_GET_ARTIST`: the integration (upper-cased, `.` as `_`, a leading `CUSTOM_`
    /// dropped), `_`, the request name (upper-cased, spaces as `_`); cut at 50 characters.
    /// Characters outside `[A-Z0-9_-]` become `_`.
    static func name(integration: String, requestName: String) -> String {
        var prefix = integration.replacingOccurrences(of: ".", with: "_").uppercased()
        if prefix.hasPrefix("CUSTOM_") { prefix.removeFirst("CUSTOM_".count) }
        let request = requestName.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
            .uppercased()
        return String(sanitized(prefix + "_" + request).prefix(maxLength))
    }

    /// The request name: the summary, else the operationId, else method and path.
    static func requestName(summary: String?, operationID: String?, method: String, path: String) -> String {
        if let summary = summary?.trimmingCharacters(in: .whitespacesAndNewlines), !summary.isEmpty { return summary }
        if let operationID = operationID?.trimmingCharacters(in: .whitespaces), !operationID.isEmpty {
            return operationID
        }
        return method.uppercased() + " " + path
    }

    static func sanitized(_ name: String) -> String {
        String(
            name.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "A"..."Z", "0"..."9", "_", "-": return Character(scalar)
                default: return "_"
                }
            })
    }

    /// Makes names unique in order: a later duplicate gets `_2`, `_3`, ... (kept within 50
    /// characters). Returns the new names and a note for each change.
    static func disambiguate(_ names: [String]) -> (names: [String], renamed: [(from: String, to: String)]) {
        var seen = Set<String>()
        var result: [String] = []
        var renamed: [(String, String)] = []
        for name in names {
            var candidate = name
            var counter = 2
            while seen.contains(candidate) {
                let suffix = "_\(counter)"
                candidate = String(name.prefix(maxLength - suffix.count)) + suffix
                counter += 1
            }
            if candidate != name { renamed.append((name, candidate)) }
            seen.insert(candidate)
            result.append(candidate)
        }
        return (result, renamed)
    }
}
