import Settings

extension ProviderSettings {
    /// Where every provider's settings are written; ``declarations``' keys are relative to it.
    static let place = "providers.<name>"

    /// The settings of one provider, under `providers.<name>`. The built-in providers' defaults
    /// are ``ConfigLoader/defaultProviders``; `config:` is any mapping, read by hand.
    static let declarations: [SettingDeclaration<ProviderSettings>] =
        [
            SettingDeclaration(
                "enabled", SettingType<Bool>.bool,
                default: .derived("`true`; `false` for the built-in `openapi` and `proxy`"),
                "whether the provider runs"
            ) { provider, enabled, location in
                provider.enabled = enabled
                provider.location = location
            },
            SettingDeclaration(
                "library", .string, default: .derived("built-in names"),
                "`ActionKit` → `libActionKit.so` next to the executable, then `provider_search_paths`; or a path",
                at: \.library),
            .handWritten(
                "config", default: "`{}`",
                description: "the provider's own settings, passed to it as JSON: `max_binary_bytes` (all three; "
                    + "5 MiB), `only_connected` (actionkit; `false`), `folder`, `output_schema` (openapi; `false`), "
                    + "`allowed_methods`, `allowed_url_prefixes`, `max_response_bytes` (proxy); see "
                    + "[Providers](providers.md)",
                readBy: "`ConfigLoader.readProviders`: any mapping"),
        ] + HTTPServiceSettings.declarations

    /// The TypeScript server's switches for its optional tools. The two provider toggles
    /// override `providers.<name>.enabled` of the provider their key names, read by hand
    /// (``ConfigLoader/applyProviderToggles(to:_:)``): in config.yaml, `enabled` is read with
    /// the provider's other settings.
    static let toggles: [SettingDeclaration<HostConfig>] = [
        .handWritten(
            "providers.openapi.enabled", variable: "ENABLE_CUSTOM_OPENAPI_ACTIONS", default: "`false`",
            description: "custom OpenAPI actions: the `openapi` provider",
            readBy: "`ConfigLoader.applyProviderToggles`"),
        .handWritten(
            "providers.proxy.enabled", variable: "ENABLE_PROXY_API_TOOL", default: "`false`",
            description: "the Proxy API tool: the `proxy` provider", readBy: "`ConfigLoader.applyProviderToggles`"),
        SettingDeclaration(
            nil, variable: "ENABLE_CUSTOM_TOOL", SettingType<Bool>.bool, default: .derived("(none)"),
            "the TypeScript server's Notion page helper: accepted and checked, not offered (below)"
        ) { _, _, _ in },
    ]
}
