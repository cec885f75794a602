import JSONCore

extension Tool {
    /// The MCP tool object for a client of `version`: fields the version does not know are
    /// left out, and absent fields are omitted, never null.
    package func mcpJSON(version: String) -> JSONValue {
        var object: [String: JSONValue] = ["name": .string(name), "inputSchema": inputSchema]
        if let description { object["description"] = .string(description) }
        if ProtocolVersion.atLeast(version, "2025-03-26"), let annotations { object["annotations"] = annotations }
        if ProtocolVersion.atLeast(version, "2025-06-18") {
            if let title { object["title"] = .string(title) }
            if let outputSchema { object["outputSchema"] = outputSchema }
        }
        return .object(object)
    }
}
