import ProviderKit

/// Parameters that carry an API's credentials. Paragon's proxy authenticates each request
/// with the user's connected account, so a tool neither asks the agent for them nor sends them:
/// - the `name` of every `apiKey` security scheme (OAS 3.0.3 §4.7.33, Swagger 2.0's
///   `securityDefinitions`);
/// - with an `oauth2` or `http` scheme, the token parameters such schemes stand for in older
///   documents (`token`, `access_token`: Slack's Web API declares `token` as a required header
///   and form field of every method).
enum Credentials {
    static func parameterNames(in document: JSONValue) -> Set<String> {
        var names = Set<String>()
        for (_, scheme) in document["components"]?["securitySchemes"]?.objectValue ?? [:] {
            switch scheme["type"]?.stringValue {
            case "apiKey":
                if let name = scheme["name"]?.stringValue { names.insert(name.lowercased()) }
            case "oauth2", "http", "openIdConnect":
                names.formUnion(["token", "access_token"])
            default:
                break
            }
        }
        return names
    }

    /// A form body's object schema without credential properties, and the properties removed.
    static func removing(_ names: Set<String>, from schema: JSONValue) -> (schema: JSONValue, removed: [String]) {
        guard !names.isEmpty, case .object(let object) = schema, let properties = object["properties"]?.objectValue
        else { return (schema, []) }
        let found = Set(properties.keys.filter { names.contains($0.lowercased()) })
        return found.isEmpty ? (schema, []) : (.object(MarkedProperties.removing(found, from: object)), found.sorted())
    }
}
