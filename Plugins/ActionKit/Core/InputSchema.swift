import ProviderKit

/// Input schemas as clients accept them: OpenAI's function calling refuses an object schema
/// without `properties`, so every listed schema has them (`{}` when it had none).
enum InputSchema {
    /// `parameters` as an object schema with `properties`; nil or a non-object schema is `{"type":
    /// "object", "properties": {}}`.
    static func withProperties(_ parameters: JSONValue?) -> JSONValue {
        guard case .object(var object)? = parameters else { return ["type": "object", "properties": [:]] }
        if object["type"] == nil { object["type"] = "object" }
        if object["properties"] == nil, object["type"] == "object" { object["properties"] = [:] }
        return .object(object)
    }
}
