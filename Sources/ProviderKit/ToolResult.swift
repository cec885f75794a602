/// A successful tool call: MCP content, optionally with structured content.
public struct ToolResult: Codable, Sendable, Equatable {
    public var content: [JSONValue]
    public var structuredContent: JSONValue?
    public var isError: Bool?

    public init(content: [JSONValue], structuredContent: JSONValue? = nil, isError: Bool? = nil) {
        self.content = content
        self.structuredContent = structuredContent
        self.isError = isError
    }

    /// One text item.
    public static func text(_ text: String) -> ToolResult {
        ToolResult(content: [["type": "text", "text": .string(text)]])
    }
}
