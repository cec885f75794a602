import JSONCore

/// Reads and writes tool lists as JSON.
package enum ToolListParser {
    /// Parses a provider's tool list; malformed entries are dropped and described.
    package static func parse(
        _ bytes: [UInt8], provider: String
    ) throws(RegistryError) -> (tools: [Tool], problems: [String]) {
        guard let list = try? JSONValue.parse(bytes), case .array(let entries) = list else {
            throw .invalidToolList(provider: provider, reason: "not a JSON array")
        }
        var tools: [Tool] = []
        var problems: [String] = []
        tools.reserveCapacity(entries.count)
        for entry in entries {
            switch Tool.decode(entry, provider: provider) {
            case .success(let tool): tools.append(tool)
            case .failure(let problem): problems.append(problem.reason)
            }
        }
        return (tools, problems)
    }

    /// Tools as MCP tool objects (plus the integration), for the CLI.
    package static func encode(_ tools: [Tool]) -> [UInt8] {
        JSONValue.array(tools.map(\.jsonValue)).encoded()
    }
}

extension Tool {
    /// The MCP tool object of the newest protocol version, with `_meta.integration`.
    package var jsonValue: JSONValue {
        var object = mcpJSON(version: ProtocolVersion.latest).objectValue ?? [:]
        object["_meta"] = ["integration": .string(integration)]
        return .object(object)
    }
}
