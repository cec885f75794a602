/// A tool as a provider lists it.
public struct ToolDescriptor: Codable, Sendable, Equatable {
    public var name: String
    /// The integration the tool acts on (`slack`, `googleCalendar`, ...); the host filters on it.
    public var integration: String
    public var title: String?
    public var description: String?
    /// A JSON Schema of type object.
    public var inputSchema: JSONValue
    public var outputSchema: JSONValue?
    public var annotations: JSONValue?

    public init(
        name: String, integration: String, title: String? = nil, description: String? = nil,
        inputSchema: JSONValue = ["type": "object"], outputSchema: JSONValue? = nil,
        annotations: JSONValue? = nil
    ) {
        self.name = name
        self.integration = integration
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.annotations = annotations
    }
}
