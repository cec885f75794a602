import Settings

extension ValidationSettings {
    /// `validation:`: how tool arguments are checked.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "validation.coerce", .bool, default: .value(ValidationSettings().coerce),
            "read exact numeric and boolean strings as such, drop `null` for optional properties (see "
                + "[Argument validation](providers.md#argument-validation))",
            at: \.validation.coerce)
    ]
}
