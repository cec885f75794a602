import HTTPTypes
import MCPCore

extension RoutingHeaders {
    /// The routing headers among `fields` (names compared without case; a repeated one is
    /// recorded in ``repeated``).
    package init(_ fields: HTTPFields) {
        self.init()
        var seen: Set<String> = []
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
            if !seen.insert(lowered).inserted, !repeated.contains(field.name.rawName) {
                repeated.append(field.name.rawName)
            }
        }
    }
}
