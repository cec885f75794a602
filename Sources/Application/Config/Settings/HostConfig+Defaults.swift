import Settings

extension HostConfig {
    /// The configuration before config.yaml and the environment are read: every declared
    /// setting at its default (``declarations``) and the built-in providers. A setting whose
    /// default is derived stays empty (`""`, 0, nil) until ``ConfigLoader/validate(_:_:)``.
    static func defaults(file: String?, directory: String) -> HostConfig {
        var config = HostConfig(
            file: file, directory: directory,
            server: ServerSettings(
                host: "", port: 0, publicURL: "", mode: .production, allowedHosts: [], allowedOrigins: [],
                legacySSE: false, sessionIdleTimeoutMs: 0, maxSessions: 0, maxSessionsPerUser: 0, callTimeoutMs: 0,
                maxConnections: 0, requestHeadTimeoutMs: 0, requestBodyTimeoutMs: 0, keepAliveTimeoutMs: 0,
                setupLinkTTLSeconds: 0),
            paragon: ParagonSettings(
                projectID: "", signingKeyLocation: .none, actionKitURL: "", zeusURL: "", proxyURL: "",
                connectSDKURL: ""),
            limits: ToolLimits(), toolLists: ToolListSettings(), validation: ValidationSettings(),
            setup: SetupSettings(), providers: ConfigLoader.defaultProviders, providerSearchPaths: [],
            logging: LogSettings(level: "", format: .text), metrics: MetricsSettings(enabled: false),
            reload: ReloadSettings(watch: false, intervalMs: 0, paths: []))
        declarations.applyDefaults(to: &config)
        return config
    }
}
