import ProviderKit

/// One action as ActionKit lists it: `{type: "function", function: {name, description, parameters}}`.
struct ActionKitAction: Sendable {
    var name: String
    var description: String?
    var parameters: JSONValue?

    /// Nil when the entry has no function name.
    init?(_ json: JSONValue) {
        guard let function = json["function"], let name = function["name"]?.stringValue else { return nil }
        self.name = name
        self.description = function["description"]?.stringValue
        self.parameters = function["parameters"]
    }

    /// The tool's input schema: `parameters` when it is a schema object, else an object schema
    /// (a tool whose schema is not an object would be dropped from the list). The host gives
    /// every listed object schema its `properties`.
    var inputSchema: JSONValue {
        if case .object? = parameters { return parameters! }
        return ["type": "object"]
    }
}
