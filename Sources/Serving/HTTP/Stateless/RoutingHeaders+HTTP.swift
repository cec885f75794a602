import HTTPTypes
import MCPCore

extension RoutingHeaders {
    /// The routing headers among `fields` (names compared without case; a repeated one is
    /// recorded in ``repeated``).
    package init(_ fields: HTTPFields) {
        self.init()
        // Each routing header's name as first seen, by its lowercased name.
        var seen: [String: String] = [:]
        for field in fields {
            let lowered = field.name.canonicalName
            guard lowered.hasPrefix("mcp-") else { continue }
            let value = field.value
            switch lowered {
            case "mcp-protocol-version": version = value
            case "mcp-method": method = value
            case "mcp-name": name = value
            default:
                guard lowered.hasPrefix("mcp-param-"), lowered.utf8.count > 10 else { continue }
                params[String(lowered.dropFirst(10))] = value
            }
            if let first = seen[lowered] {
                if !repeated.contains(first) { repeated.append(first) }
            } else {
                seen[lowered] = field.name.rawName
            }
        }
    }
}
