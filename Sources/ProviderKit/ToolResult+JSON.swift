import JSONCore

extension ToolResult {
    /// The result as the host reads it (a `CallToolResult`).
    public var json: JSONValue {
        var object: [String: JSONValue] = ["content": .array(content)]
        if let structuredContent { object["structuredContent"] = structuredContent }
        if let isError { object["isError"] = .bool(isError) }
        return .object(object)
    }
}
