import ProviderKit

/// One action as ActionKit lists it: `{type: "function", function: {name, description, parameters}}`.
struct ActionKitAction: Decodable, Sendable {
    var name: String
    var description: String?
    var parameters: JSONValue?

    private enum Keys: String, CodingKey { case function }
    private enum FunctionKeys: String, CodingKey { case name, description, parameters }

    init(from decoder: Decoder) throws {
        let function = try decoder.container(keyedBy: Keys.self).nestedContainer(
            keyedBy: FunctionKeys.self, forKey: .function)
        name = try function.decode(String.self, forKey: .name)
        description = try function.decodeIfPresent(String.self, forKey: .description)
        parameters = try function.decodeIfPresent(JSONValue.self, forKey: .parameters)
    }
}
