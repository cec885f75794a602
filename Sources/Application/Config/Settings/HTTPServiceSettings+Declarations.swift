import Settings

extension HTTPServiceSettings {
    /// A provider's `http:`: what its HTTP service may do. Keys are relative to the provider's
    /// place, `providers.<name>`.
    static let declarations: [SettingDeclaration<ProviderSettings>] = [
        SettingDeclaration(
            "http.allowed_hosts", .list, default: .value([]),
            "hosts the provider may call (`example.com`, `example.com:8443`, `*` for any); "
                + "the Paragon hosts are always allowed",
            at: \.http.allowedHosts),
        SettingDeclaration(
            "http.timeout_ms", .integer(1...3_600_000), default: .value(30_000),
            "how long one of the provider's requests may take", at: \.http.timeoutMs),
        SettingDeclaration(
            "http.max_response_bytes", .integer(1...(1 << 30)), default: .value(10 << 20),
            "the largest answer the provider may read", at: \.http.maxResponseBytes),
    ]
}
