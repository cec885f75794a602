/// The document the host passes as `config_json`: the one declaration of its shape on the
/// provider side (paragon_mcp_plugin.h, `paragon_mcp_host.config_json`, documents it; the host
/// writes it in `ProviderInstance.create`). Providers read it through ``ProviderHost``.
struct ConfigDocument: Decodable {
    var name: String
    var config: JSONValue?
    var configDirectory: String
    var paragon: ParagonSettings
    /// Since ABI 1.1.
    var limits: HostLimits?
}

/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS` as the host applies them; empty: no limit.
/// A tool of integration `*` must enforce `integrations` on the integrations its calls name.
public struct HostLimits: Codable, Sendable {
    public var integrations: [String]
    public var tools: [String]

    public init(integrations: [String] = [], tools: [String] = []) {
        self.integrations = integrations
        self.tools = tools
    }

    public func allows(integration: String) -> Bool { integrations.isEmpty || integrations.contains(integration) }
}

/// Where the Paragon APIs are, as the host is configured.
public struct ParagonSettings: Codable, Sendable {
    public var projectId: String
    public var actionKitURL: String
    public var zeusURL: String
    public var proxyURL: String
}
