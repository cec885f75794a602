import Settings

extension ReloadSettings {
    /// `reload:`: what, besides SIGHUP, reloads the configuration.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "reload.watch", variable: "CONFIG_WATCH", .bool, default: .value(false),
            "also reload when config.yaml, `.env` or `reload.paths` change", at: \.reload.watch),
        SettingDeclaration(
            "reload.interval_ms", .integer(100...3_600_000), default: .value(1000),
            "how often watched files are checked", at: \.reload.intervalMs),
        SettingDeclaration(
            "reload.paths", SettingType<[String]>.list, default: .value(["openapi"]),
            "folders watched besides the config file, relative to its folder"
        ) { config, paths, _ in
            config.reload.paths = paths.map { ConfigPaths.absolute($0, against: config.directory) }
        },
    ]
}
