import Settings

extension ToolListSettings {
    /// `tool_lists:`: caching and paging users' tool lists. The defaults are
    /// ``ToolListSettings``'s own (the registry is made with them in tests).
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "tool_lists.cache_ttl_seconds", variable: "TOOL_LIST_CACHE_TTL_SECONDS", .integer(0...86_400),
            default: .value(ToolListSettings().cacheTTLSeconds), "how long a user's tool list is reused; 0: no caching",
            at: \.toolLists.cacheTTLSeconds),
        SettingDeclaration(
            "tool_lists.cache_max_users", .integer(1...10_000_000), default: .value(ToolListSettings().cacheMaxUsers),
            "users whose lists are cached, at most", at: \.toolLists.cacheMaxUsers),
        SettingDeclaration(
            "tool_lists.page_size", variable: "TOOL_LIST_PAGE_SIZE", .integer(1...10_000),
            default: .value(ToolListSettings().pageSize), "tools per `tools/list` page, at most",
            at: \.toolLists.pageSize),
        SettingDeclaration(
            "tool_lists.page_max_bytes", variable: "TOOL_LIST_PAGE_MAX_BYTES", .integer(16_384...(64 << 20)),
            default: .value(ToolListSettings().pageMaxBytes), "bytes per page, about", at: \.toolLists.pageMaxBytes),
    ]
}
