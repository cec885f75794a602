import JSONCore

/// A tool as the registry serves it: what its provider listed, and which provider runs it.
public struct Tool: Sendable {
    public var name: String
    public var integration: String
    public var title: String?
    public var description: String?
    public var inputSchema: JSONValue
    public var outputSchema: JSONValue?
    public var annotations: JSONValue?
    /// The key in config.yaml of the provider that runs it.
    public var providerName: String
}

extension Tool {
    /// Reads one entry of a provider's tool list; nil with a reason when it is malformed.
    static func decode(_ value: JSONValue, provider: String) -> Result<Tool, ToolListProblem> {
        guard let object = value.objectValue else { return .failure(.init(reason: "an entry is not an object")) }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            return .failure(.init(reason: "an entry has no name"))
        }
        guard let integration = object["integration"]?.stringValue else {
            return .failure(.init(reason: "tool \(name) names no integration"))
        }
        guard case .object(var schema)? = object["inputSchema"] else {
            return .failure(.init(reason: "tool \(name) has no inputSchema object"))
        }
        // MCP's inputSchema is an object schema; some clients (OpenAI's function calling among
        // them) refuse one without `properties`, and with it the whole tool list.
        if schema["type"] == nil { schema["type"] = "object" }
        if schema["type"] == "object", schema["properties"] == nil { schema["properties"] = .object([:]) }
        return .success(
            Tool(
                name: name, integration: integration, title: object["title"]?.stringValue,
                description: object["description"]?.stringValue, inputSchema: .object(schema),
                outputSchema: object["outputSchema"].flatMap { $0 == .null ? nil : $0 },
                annotations: object["annotations"].flatMap { $0 == .null ? nil : $0 },
                providerName: provider))
    }
}

/// Why an entry of a provider's tool list was dropped.
struct ToolListProblem: Error {
    var reason: String
}
