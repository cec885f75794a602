import Settings

extension ServerSettings {
    /// `server:`: the listener, the transports, sessions and connections. The order is
    /// config.yaml's reading order; a derived default is computed by ``ConfigLoader/validate(_:_:)``.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "server.host", variable: "HOST", .string,
            default: .derived("`127.0.0.1` in development, `0.0.0.0` in production"), "address to bind",
            at: \.server.host),
        SettingDeclaration(
            "server.port", variable: "PORT", .integer(0...65535), default: .value(3001), "port to listen on",
            at: \.server.port),
        SettingDeclaration(
            "server.public_url", variable: "MCP_SERVER_URL", .url,
            default: .derived("`http://localhost:<port>`, following `PORT`"),
            "where users reach the server; base of setup links", at: \.server.publicURL),
        SettingDeclaration(
            "server.mode", variable: "NODE_ENV", .enumeration,
            default: .derived("`development` without a project (on the sandbox), `production` with one"),
            "`development` enables `?user=ID` authentication", at: \.server.configuredMode),
        SettingDeclaration(
            "server.allowed_hosts", variable: "MCP_ALLOWED_HOSTS", .list, default: .value([]),
            "`Host` names accepted besides `MCP_SERVER_URL`'s and the loopback names", at: \.server.allowedHosts),
        SettingDeclaration(
            "server.allowed_origins", variable: "MCP_ALLOWED_ORIGINS", .list, default: .value([]),
            "browser origins allowed besides `MCP_SERVER_URL`'s (CORS)", at: \.server.allowedOrigins),
        SettingDeclaration(
            "server.legacy_sse", variable: "ENABLE_LEGACY_SSE", .bool, default: .value(true),
            "the `/sse` + `/messages` transport", at: \.server.legacySSE),
        SettingDeclaration(
            "server.session_idle_timeout_ms", variable: "MCP_SESSION_IDLE_TIMEOUT_MS", .integer(1...Int.max),
            default: .value(1_800_000), "a session without requests closes after this long",
            at: \.server.sessionIdleTimeoutMs),
        SettingDeclaration(
            "server.max_sessions", variable: "MCP_MAX_SESSIONS", .integer(1...Int.max), default: .value(1000),
            "sessions open at once, in all", at: \.server.maxSessions),
        SettingDeclaration(
            "server.max_sessions_per_user", variable: "MCP_MAX_SESSIONS_PER_USER", .integer(1...Int.max),
            default: .value(32), "at the cap, the user's least recently used idle session makes room",
            at: \.server.maxSessionsPerUser),
        SettingDeclaration(
            "server.call_timeout_ms", .integer(1...86_400_000), default: .value(60_000),
            "how long a provider may take to list or call", at: \.server.callTimeoutMs),
        SettingDeclaration(
            "server.setup_link_ttl_seconds", variable: "SETUP_LINK_TTL_SECONDS", .integer(10...86_400),
            default: .value(300), "how long a setup link works", at: \.server.setupLinkTTLSeconds),
        SettingDeclaration(
            "server.max_connections", variable: "MCP_MAX_CONNECTIONS", .integer(1...10_000_000),
            default: .derived("¾ of the open-file limit"), "HTTP connections open at once",
            at: \.server.maxConnections),
        SettingDeclaration(
            "server.request_head_timeout_ms", variable: "MCP_REQUEST_HEAD_TIMEOUT_MS", .integer(100...3_600_000),
            default: .value(10_000), "a new connection's first request head", at: \.server.requestHeadTimeoutMs),
        SettingDeclaration(
            "server.request_body_timeout_ms", variable: "MCP_REQUEST_BODY_TIMEOUT_MS", .integer(100...3_600_000),
            default: .value(60_000), "a request body, from its head", at: \.server.requestBodyTimeoutMs),
        SettingDeclaration(
            "server.keep_alive_timeout_ms", variable: "MCP_KEEP_ALIVE_TIMEOUT_MS", .integer(100...86_400_000),
            default: .value(60_000), "an idle keep-alive connection (event streams exempt)",
            at: \.server.keepAliveTimeoutMs),
    ]
}
