import Settings

extension MetricsSettings {
    /// `metrics:`: whether `/metrics` is served, and where.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "metrics.enabled", .bool, default: .value(true), "`false` turns `/metrics` off", at: \.metrics.enabled),
        SettingDeclaration(
            "metrics.port", variable: "METRICS_PORT", .integer(0...65535), default: .derived("(none: on `PORT`)"),
            "`/metrics` on a port of its own", at: \.metrics.port),
        SettingDeclaration(
            "metrics.host", .string, default: .derived("the server's `HOST`"), "address the metrics port binds",
            at: \.metrics.host),
    ]
}
