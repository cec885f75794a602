import JSONCore

extension ToolDescriptor {
    /// The tool as the host reads it from a listing.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(name), "integration": .string(integration), "inputSchema": inputSchema,
        ]
        if let title { object["title"] = .string(title) }
        if let description { object["description"] = .string(description) }
        if let outputSchema { object["outputSchema"] = outputSchema }
        if let annotations { object["annotations"] = annotations }
        return .object(object)
    }
}
