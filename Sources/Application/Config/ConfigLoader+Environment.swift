import Settings

extension ConfigLoader {
    /// The TypeScript paragon-mcp's variables (and a few of ours) override config.yaml. An
    /// empty variable overrides nothing.
    func applyEnvironment(to config: inout HostConfig, _ reader: inout ConfigReader) {
        func string(_ name: String, _ apply: (String) -> Void) {
            if let value = environment.nonEmpty(name) { apply(value.value) }
        }
        func url(_ name: String, _ apply: (String) -> Void) {
            guard let value = environment.nonEmpty(name) else { return }
            Self.checkURL(value.value, at: value.location, key: name, &reader)
            apply(value.value)
        }
        func list(_ name: String, _ apply: ([String]) -> Void) {
            if let value = environment.nonEmpty(name) { apply(ConfigReader.commaList(value.value)) }
        }
        func bool(_ name: String, _ apply: (Bool) -> Void) {
            guard let value = environment.nonEmpty(name) else { return }
            if let flag = ConfigReader.parseBool(value.value) {
                apply(flag)
            } else {
                reader.report(
                    ConfigError(
                        .wrongType(expected: "a boolean"), at: value.location, key: name,
                        "expected true/false, yes/no or 1/0, found \"\(value.value)\""))
            }
        }
        func integer(_ name: String, range: ClosedRange<Int>, _ apply: (Int) -> Void) {
            guard let value = environment.nonEmpty(name) else { return }
            if let number = reader.checkedInteger(value.value, at: value.location, key: name, range: range) {
                apply(number)
            }
        }
        func oneOf<Value>(
            _ name: String, _ parse: (String) -> Value?, expected: String, _ apply: (Value) -> Void
        ) {
            guard let value = environment.nonEmpty(name) else { return }
            if let parsed = parse(value.value) {
                apply(parsed)
            } else {
                reader.report(
                    ConfigError(
                        .invalidValue, at: value.location, key: name,
                        "expected \(expected), found \"\(value.value)\""))
            }
        }
        func enableProvider(_ variable: String, _ name: String) {
            guard let value = environment.nonEmpty(variable) else { return }
            bool(variable) { flag in
                guard let index = config.providers.firstIndex(where: { $0.name == name }) else { return }
                config.providers[index].enabled = flag
                config.providers[index].location = value.location
            }
        }

        string("PROJECT_ID") { config.paragon.projectID = $0 }
        url("MCP_SERVER_URL") { config.server.publicURL = $0 }
        string("HOST") { config.server.host = $0 }
        integer("PORT", range: 0...65535) { config.server.port = $0 }
        oneOf("NODE_ENV", ServerMode.init(rawValue:), expected: "development or production") {
            config.server.configuredMode = $0
        }
        url("ACTIONKIT_BASE_URL") { config.paragon.actionKitURL = $0 }
        url("ZEUS_BASE_URL") { config.paragon.zeusURL = $0 }
        url("PROXY_BASE_URL") { config.paragon.proxyURL = $0 }
        url("CONNECT_SDK_CDN_URL") { config.paragon.connectSDKURL = $0 }
        enableProvider("ENABLE_CUSTOM_OPENAPI_ACTIONS", "openapi")
        enableProvider("ENABLE_PROXY_API_TOOL", "proxy")
        bool("ENABLE_CUSTOM_TOOL") { _ in }  // The Notion helper tool is not offered; checked only.
        bool("ENABLE_LEGACY_SSE") { config.server.legacySSE = $0 }
        list("MCP_ALLOWED_HOSTS") { config.server.allowedHosts = $0 }
        list("MCP_ALLOWED_ORIGINS") { config.server.allowedOrigins = $0 }
        integer("MCP_SESSION_IDLE_TIMEOUT_MS", range: 1...Int.max) { config.server.sessionIdleTimeoutMs = $0 }
        integer("MCP_MAX_SESSIONS", range: 1...Int.max) { config.server.maxSessions = $0 }
        integer("MCP_MAX_SESSIONS_PER_USER", range: 1...Int.max) { config.server.maxSessionsPerUser = $0 }
        integer("MCP_MAX_CONNECTIONS", range: 1...10_000_000) { config.server.maxConnections = $0 }
        integer("MCP_REQUEST_HEAD_TIMEOUT_MS", range: 100...3_600_000) { config.server.requestHeadTimeoutMs = $0 }
        integer("MCP_REQUEST_BODY_TIMEOUT_MS", range: 100...3_600_000) { config.server.requestBodyTimeoutMs = $0 }
        integer("MCP_KEEP_ALIVE_TIMEOUT_MS", range: 100...86_400_000) { config.server.keepAliveTimeoutMs = $0 }
        integer("TOOL_LIST_CACHE_TTL_SECONDS", range: 0...86_400) { config.toolLists.cacheTTLSeconds = $0 }
        integer("TOOL_LIST_PAGE_SIZE", range: 1...10_000) { config.toolLists.pageSize = $0 }
        integer("TOOL_LIST_PAGE_MAX_BYTES", range: 16_384...(64 << 20)) { config.toolLists.pageMaxBytes = $0 }
        integer("SETUP_LINK_TTL_SECONDS", range: 10...86_400) { config.server.setupLinkTTLSeconds = $0 }
        list("LIMIT_TO_INTEGRATIONS") { config.limits.integrations = $0 }
        list("LIMIT_TO_TOOLS") { config.limits.tools = $0 }
        integer("METRICS_PORT", range: 0...65535) { config.metrics.port = $0 }
        bool("CONFIG_WATCH") { config.reload.watch = $0 }
        oneOf("LOG_FORMAT", LogSettings.Format.init(rawValue:), expected: "text or json") {
            config.logging.format = $0
        }
        oneOf("LOG_LEVEL", { Self.logLevels.contains($0) ? $0 : nil }, expected: Self.logLevels.joined(separator: ", "))
        {
            config.logging.level = $0
        }
    }
}
