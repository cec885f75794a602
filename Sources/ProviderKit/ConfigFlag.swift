import JSONCore

/// A boolean of a provider's `config:` section as config.yaml writes it. config.yaml is read
/// with YAML 1.2's scalars (docs/configuration.md), so `true`/`false` arrive as booleans and the
/// other words the host's own booleans take (`yes`/`no`, `on`/`off`, `1`/`0`, any case) as text
/// or numbers; both mean the same here as in the host's settings.
public enum ConfigFlag {
    /// The flag's value; nil when absent or null. `key` names the setting in the error
    /// (`providers.openapi.config.output_schema`).
    public static func read(_ value: JSONValue?, key: String) throws(ProviderError) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case .integer(1)?: return true
        case .integer(0)?: return false
        case .string(let text)?:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: break
            }
        default: break
        }
        let written = String(decoding: value!.encoded(), as: UTF8.self)
        throw ProviderError.toolError("\(key): expected true or false, found \(written)")
    }
}

extension ProviderHost {
    /// The boolean setting `key` of the provider's `config:` section
    /// (`providers.<name>.config.<key>`, read by ``ConfigFlag``); `default` when it is not set.
    public func flag(_ key: String, default value: Bool = false) throws(ProviderError) -> Bool {
        try ConfigFlag.read(config[key], key: "providers.\(name).config.\(key)") ?? value
    }
}
