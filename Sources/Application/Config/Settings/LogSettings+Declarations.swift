import Settings

extension LogSettings {
    /// swift-log's levels, least severe first.
    static let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// `logging:`. The level is left empty until ``ConfigLoader/validate(_:_:)`` picks the mode's.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "logging.level", variable: "LOG_LEVEL", .oneOf(levels),
            default: .derived("`debug` in development, `info` in production"),
            "the least severe level logged: \(levels.map { "`\($0)`" }.joined(separator: ", "))", at: \.logging.level),
        SettingDeclaration(
            "logging.format", variable: "LOG_FORMAT", .enumeration, default: .value(Format.text),
            "`json`: one JSON object per line", at: \.logging.format),
    ]
}
