import Settings

extension HostConfig {
    /// Every setting of the configuration but a provider's own (``ProviderSettings/declarations``),
    /// in config.yaml's reading order, which is also the reference's.
    static let declarations: [SettingDeclaration<HostConfig>] =
        [configFileSetting] + ServerSettings.declarations + AuthSettings.declarations + ParagonSettings.declarations
        + ToolLimits.declarations
        + ToolListSettings.declarations + ToolPresentationSettings.declarations + ValidationSettings.declarations
        + SetupSettings.declarations
        + ProviderSettings.toggles + [providerSearchPathsSetting] + LogSettings.declarations
        + MetricsSettings.declarations + ClusterSettings.declarations
        + ReloadSettings.declarations

    /// The config file itself, read by hand before anything else.
    static let configFileSetting = SettingDeclaration<HostConfig>.handWritten(
        nil, variable: "PARAGON_MCP_CONFIG", default: "`config.yaml` in the working directory, when it exists",
        description: "the config file, unless `--config PATH` names one", readBy: "`ConfigLoader.forProcess`")

    static let providerSearchPathsSetting = SettingDeclaration<HostConfig>(
        "provider_search_paths", SettingType<[String]>.list, default: .value([]),
        "folders searched for provider libraries after the executable's, relative to the config file's folder"
    ) { config, paths, _ in
        config.providerSearchPaths = paths.map { ConfigPaths.absolute($0, against: config.directory) }
    }
}
