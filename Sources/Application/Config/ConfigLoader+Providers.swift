import Settings

extension ConfigLoader {
    /// `providers:`: the built-in providers' settings over ``defaultProviders``, and any others,
    /// in the order written. Each provider's settings are read from
    /// ``ProviderSettings/declarations``; its `config:` by hand (any mapping).
    func readProviders(_ node: ConfigNode?, into providers: inout [ProviderSettings], _ reader: inout ConfigReader) {
        for (name, value) in reader.namedMapping(node, key: "providers") {
            let key = "providers.\(name)"
            let index = providers.firstIndex { $0.name == name }
            var provider =
                index.map { providers[$0] } ?? Self.provider(name, enabled: true, library: "", location: value.location)
            let map = reader.read(ProviderSettings.declarations, under: "", from: value, at: key, into: &provider)
            if provider.library.isEmpty {
                reader.report(
                    ConfigError(
                        .missing, at: value.location, key: "\(key).library",
                        "a provider other than the built-in ones needs a library"))
            }
            if let config = map["config"] {
                provider.config = Self.json(config)
                if case .object = provider.config {
                } else if !config.isNull {
                    reader.report(
                        ConfigError(
                            .wrongType(expected: "a mapping"), at: config.location,
                            key: "\(key).config", "expected a mapping, found \(config.kindName)"))
                }
            }
            if let index { providers[index] = provider } else { providers.append(provider) }
        }
    }

    /// `ENABLE_CUSTOM_OPENAPI_ACTIONS` and `ENABLE_PROXY_API_TOOL` (``ProviderSettings/toggles``):
    /// each turns the provider its key names (`providers.openapi.enabled`) on or off.
    func applyProviderToggles(to config: inout HostConfig, _ reader: inout ConfigReader) {
        for toggle in ProviderSettings.toggles where toggle.reading == nil {
            guard let key = toggle.key, let found = environment.text(of: toggle),
                let enabled = SettingType<Bool>.bool.fromText(found.text, found.location, found.name, &reader)
            else { continue }
            let name = key.split(separator: ".").dropFirst().first.map(String.init)
            guard let index = config.providers.firstIndex(where: { $0.name == name }) else { continue }
            config.providers[index].enabled = enabled
            config.providers[index].location = found.location
        }
    }

    /// ActionKit on, the other two present and off: the minimal set.
    static let defaultProviders: [ProviderSettings] = [
        ("actionkit", true, "ActionKit"), ("openapi", false, "OpenAPICustom"), ("proxy", false, "ProxyAPI"),
    ].map { name, enabled, library in provider(name, enabled: enabled, library: library, location: .none) }

    /// A provider at its declared defaults (``ProviderSettings/declarations``).
    static func provider(_ name: String, enabled: Bool, library: String, location: ConfigLocation) -> ProviderSettings {
        var provider = ProviderSettings(
            name: name, enabled: enabled, library: library, config: .object([:]),
            http: HTTPServiceSettings(allowedHosts: [], timeoutMs: 0, maxResponseBytes: 0), location: location)
        ProviderSettings.declarations.applyDefaults(to: &provider)
        return provider
    }
}
