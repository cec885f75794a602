import Settings

extension ToolLimits {
    /// `limits:`: which integrations and tools are offered at all.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "limits.integrations", variable: "LIMIT_TO_INTEGRATIONS", .list, default: .value([]),
            "exact names; only these integrations' tools are offered", at: \.limits.integrations),
        SettingDeclaration(
            "limits.tools", variable: "LIMIT_TO_TOOLS", .list, default: .value([]),
            "exact names; only these tools are offered", at: \.limits.tools),
    ]
}
