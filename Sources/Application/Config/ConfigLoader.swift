import Settings
import Foundation
import JSONCore
import JWTKit
import YAMLJSON

/// Builds a ``HostConfig`` from config.yaml, a `.env` file and the environment, refusing it
/// with every problem located when anything is wrong.
package struct ConfigLoader: Sendable {
    /// The config file; nil for none (defaults and environment only).
    package var file: String?
    package var environment: ConfigEnvironment

    package init(file: String?, environment: ConfigEnvironment) {
        self.file = file
        self.environment = environment
    }

    /// Loads for a process: `.env` from the working directory under the process environment,
    /// and `path`, or `./config.yaml` when it exists.
    package static func forProcess(configPath path: String?) throws(ConfigErrors) -> ConfigLoader {
        let cwd = FileManager.default.currentDirectoryPath
        let dotEnv: DotEnv
        do {
            dotEnv = try DotEnv.load(path: (cwd as NSString).appendingPathComponent(".env"))
        } catch {
            throw ConfigErrors(errors: [error])
        }
        let environment = ConfigEnvironment(process: ProcessInfo.processInfo.environment, dotEnv: dotEnv)
        var file = path ?? environment.nonEmpty("PARAGON_MCP_CONFIG")?.value
        if file == nil {
            let candidate = (cwd as NSString).appendingPathComponent("config.yaml")
            if FileManager.default.fileExists(atPath: candidate) { file = candidate }
        }
        return ConfigLoader(file: file.map { ConfigPaths.absolute($0, against: cwd) }, environment: environment)
    }

    package func load() throws(ConfigErrors) -> HostConfig {
        guard let file else { return try load(yaml: nil) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigErrors(errors: [
                ConfigError(
                    .unreadableFile, at: .file(path: file, line: 1, column: 1), key: "",
                    FileManager.default.fileExists(atPath: file)
                        ? "the config file cannot be read" : "the config file does not exist")
            ])
        }
        return try load(yaml: String(decoding: data, as: UTF8.self))
    }

    /// Reads `yaml` as the content of `file` (nil: no file), without touching the file system:
    /// relative paths are taken against the file's folder (the working directory without one).
    package func load(yaml: String?) throws(ConfigErrors) -> HostConfig {
        var reader = ConfigReader()
        reader.names = environment.names
        var root: ConfigNode?
        let directory: String
        if let file, let yaml {
            directory = (file as NSString).deletingLastPathComponent
            do throws(ConfigError) {
                root = try ConfigNode.parse(yaml: yaml, path: file, environment: environment)
            } catch {
                throw ConfigErrors(errors: [error])
            }
        } else {
            directory = file.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        }

        let top = reader.mapping(
            root, key: "",
            allowed: [
                "server", "paragon", "limits", "tool_lists", "validation", "providers", "provider_search_paths",
                "logging", "metrics", "reload", "setup",
            ])
        var config = HostConfig(
            file: file, directory: directory,
            server: readServer(top["server"], &reader),
            paragon: readParagon(top["paragon"], &reader),
            limits: readLimits(top["limits"], &reader),
            toolLists: readToolLists(top["tool_lists"], &reader),
            validation: readValidation(top["validation"], &reader),
            setup: readSetup(top["setup"], &reader),
            providers: readProviders(top["providers"], &reader),
            providerSearchPaths: (reader.stringList(top["provider_search_paths"], key: "provider_search_paths") ?? [])
                .map { ConfigPaths.absolute($0, against: directory) },
            logging: readLogging(top["logging"], &reader),
            metrics: readMetrics(top["metrics"], &reader),
            reload: readReload(top["reload"], directory: directory, &reader))
        applyEnvironment(to: &config, &reader)
        validate(&config, &reader)
        guard reader.errors.isEmpty else { throw ConfigErrors(errors: reader.errors) }
        return config
    }

    // MARK: Sections

    private func readServer(_ node: ConfigNode?, _ reader: inout ConfigReader) -> ServerSettings {
        let keys = [
            "host", "port", "public_url", "mode", "allowed_hosts", "allowed_origins", "legacy_sse",
            "session_idle_timeout_ms", "max_sessions", "max_sessions_per_user", "call_timeout_ms",
            "setup_link_ttl_seconds",
            "max_connections", "request_head_timeout_ms", "request_body_timeout_ms", "keep_alive_timeout_ms",
        ]
        let map = reader.mapping(node, key: "server", allowed: keys)
        var mode: ServerMode?
        if let text = reader.string(map["mode"], key: "server.mode") {
            if let value = ServerMode(rawValue: text) {
                mode = value
            } else {
                reader.report(
                    ConfigError(
                        .invalidValue, at: map["mode"]!.location, key: "server.mode",
                        "expected development or production, found \"\(text)\""))
            }
        }
        return ServerSettings(
            host: reader.string(map["host"], key: "server.host") ?? "",
            port: reader.integer(map["port"], key: "server.port", range: 0...65535) ?? 3001,
            publicURL: url(map["public_url"], key: "server.public_url", &reader) ?? "",
            mode: mode ?? .production, configuredMode: mode,
            allowedHosts: reader.stringList(map["allowed_hosts"], key: "server.allowed_hosts") ?? [],
            allowedOrigins: reader.stringList(map["allowed_origins"], key: "server.allowed_origins") ?? [],
            legacySSE: reader.bool(map["legacy_sse"], key: "server.legacy_sse") ?? true,
            sessionIdleTimeoutMs: reader.integer(
                map["session_idle_timeout_ms"], key: "server.session_idle_timeout_ms", range: 1...Int.max)
                ?? 1_800_000,
            maxSessions: reader.integer(map["max_sessions"], key: "server.max_sessions", range: 1...Int.max) ?? 1000,
            maxSessionsPerUser: reader.integer(
                map["max_sessions_per_user"], key: "server.max_sessions_per_user", range: 1...Int.max) ?? 32,
            callTimeoutMs: reader.integer(
                map["call_timeout_ms"], key: "server.call_timeout_ms", range: 1...86_400_000) ?? 60_000,
            maxConnections: reader.integer(
                map["max_connections"], key: "server.max_connections", range: 1...10_000_000) ?? 0,
            requestHeadTimeoutMs: reader.integer(
                map["request_head_timeout_ms"], key: "server.request_head_timeout_ms", range: 100...3_600_000)
                ?? 10_000,
            requestBodyTimeoutMs: reader.integer(
                map["request_body_timeout_ms"], key: "server.request_body_timeout_ms", range: 100...3_600_000)
                ?? 60_000,
            keepAliveTimeoutMs: reader.integer(
                map["keep_alive_timeout_ms"], key: "server.keep_alive_timeout_ms", range: 100...86_400_000)
                ?? 60_000,
            setupLinkTTLSeconds: reader.integer(
                map["setup_link_ttl_seconds"], key: "server.setup_link_ttl_seconds", range: 10...86_400) ?? 300)
    }

    private func readParagon(_ node: ConfigNode?, _ reader: inout ConfigReader) -> ParagonSettings {
        let keys = [
            "project_id", "signing_key", "signing_key_path", "actionkit_url", "zeus_url", "proxy_url",
            "connect_sdk_url",
        ]
        let map = reader.mapping(node, key: "paragon", allowed: keys)
        var settings = ParagonSettings(
            projectID: reader.string(map["project_id"], key: "paragon.project_id") ?? "",
            signingKeyPEM: nil, signingKeyLocation: .none,
            actionKitURL: url(map["actionkit_url"], key: "paragon.actionkit_url", &reader)
                ?? "https://actionkit.useparagon.com",
            zeusURL: url(map["zeus_url"], key: "paragon.zeus_url", &reader) ?? "https://zeus.useparagon.com",
            proxyURL: url(map["proxy_url"], key: "paragon.proxy_url", &reader) ?? "https://proxy.useparagon.com",
            connectSDKURL: url(map["connect_sdk_url"], key: "paragon.connect_sdk_url", &reader)
                ?? "https://cdn.useparagon.com/latest/sdk/index.js")
        // SIGNING_KEY_PATH wins over SIGNING_KEY, and the environment over the file.
        let pathSource: (String, ConfigLocation, String)? =
            environment.nonEmpty("SIGNING_KEY_PATH").map { ($0.value, $0.location, "SIGNING_KEY_PATH") }
            ?? reader.string(map["signing_key_path"], key: "paragon.signing_key_path").flatMap { value in
                value.isEmpty ? nil : (value, map["signing_key_path"]!.location, "paragon.signing_key_path")
            }
        if let (path, location, key) = pathSource {
            let resolved = ConfigPaths.absolute(path, against: directoryForRelativePaths)
            if let data = FileManager.default.contents(atPath: resolved) {
                settings.signingKeyPEM = Self.unescapeNewlines(String(decoding: data, as: UTF8.self))
                settings.signingKeyLocation = location
            } else {
                reader.report(
                    ConfigError(
                        .unreadableFile, at: location, key: key,
                        "cannot read the signing key file \(resolved)"))
            }
        } else if let value = environment.nonEmpty("SIGNING_KEY") {
            settings.signingKeyPEM = Self.unescapeNewlines(value.value)
            settings.signingKeyLocation = value.location
        } else if let value = reader.string(map["signing_key"], key: "paragon.signing_key"), !value.isEmpty {
            settings.signingKeyPEM = Self.unescapeNewlines(value)
            settings.signingKeyLocation = map["signing_key"]!.location
        }
        return settings
    }

    private func readLimits(_ node: ConfigNode?, _ reader: inout ConfigReader) -> ToolLimits {
        let map = reader.mapping(node, key: "limits", allowed: ["integrations", "tools"])
        return ToolLimits(
            integrations: reader.stringList(map["integrations"], key: "limits.integrations") ?? [],
            tools: reader.stringList(map["tools"], key: "limits.tools") ?? [])
    }

    private func readToolLists(_ node: ConfigNode?, _ reader: inout ConfigReader) -> ToolListSettings {
        let map = reader.mapping(
            node, key: "tool_lists", allowed: ["cache_ttl_seconds", "cache_max_users", "page_size", "page_max_bytes"])
        let defaults = ToolListSettings()
        return ToolListSettings(
            cacheTTLSeconds: reader.integer(
                map["cache_ttl_seconds"], key: "tool_lists.cache_ttl_seconds", range: 0...86_400)
                ?? defaults.cacheTTLSeconds,
            cacheMaxUsers: reader.integer(
                map["cache_max_users"], key: "tool_lists.cache_max_users", range: 1...10_000_000)
                ?? defaults.cacheMaxUsers,
            pageSize: reader.integer(map["page_size"], key: "tool_lists.page_size", range: 1...10_000)
                ?? defaults.pageSize,
            pageMaxBytes: reader.integer(
                map["page_max_bytes"], key: "tool_lists.page_max_bytes", range: 16_384...(64 << 20))
                ?? defaults.pageMaxBytes)
    }

    private func readProviders(_ node: ConfigNode?, _ reader: inout ConfigReader) -> [ProviderSettings] {
        var providers = Self.defaultProviders
        for (name, value) in reader.namedMapping(node, key: "providers") {
            let key = "providers.\(name)"
            let map = reader.mapping(value, key: key, allowed: ["enabled", "library", "config", "http"])
            let index = providers.firstIndex { $0.name == name }
            var provider =
                index.map { providers[$0] }
                ?? ProviderSettings(
                    name: name, enabled: true, library: "", config: .object([:]),
                    http: HTTPServiceSettings(allowedHosts: [], timeoutMs: 30_000, maxResponseBytes: 10 << 20),
                    location: value.location)
            if let enabled = reader.bool(map["enabled"], key: "\(key).enabled") {
                provider.enabled = enabled
                provider.location = map["enabled"]!.location
            }
            if let library = reader.string(map["library"], key: "\(key).library") { provider.library = library }
            if provider.library.isEmpty {
                reader.report(
                    ConfigError(
                        .missing, at: value.location, key: "\(key).library",
                        "a provider other than the built-in ones needs a library"))
            }
            if let config = map["config"] {
                provider.config = Self.json(config)
                if case .object = provider.config {
                } else if !config.isNull {
                    reader.report(
                        ConfigError(
                            .wrongType(expected: "a mapping"), at: config.location,
                            key: "\(key).config", "expected a mapping, found \(config.kindName)"))
                }
            }
            let http = reader.mapping(
                map["http"], key: "\(key).http",
                allowed: ["allowed_hosts", "timeout_ms", "max_response_bytes"])
            if let hosts = reader.stringList(http["allowed_hosts"], key: "\(key).http.allowed_hosts") {
                provider.http.allowedHosts = hosts
            }
            if let timeout = reader.integer(http["timeout_ms"], key: "\(key).http.timeout_ms", range: 1...3_600_000) {
                provider.http.timeoutMs = timeout
            }
            if let cap = reader.integer(
                http["max_response_bytes"], key: "\(key).http.max_response_bytes",
                range: 1...(1 << 30))
            {
                provider.http.maxResponseBytes = cap
            }
            if let index { providers[index] = provider } else { providers.append(provider) }
        }
        return providers
    }

    private func readLogging(_ node: ConfigNode?, _ reader: inout ConfigReader) -> LogSettings {
        let map = reader.mapping(node, key: "logging", allowed: ["level", "format"])
        var settings = LogSettings(level: "", format: .text)
        if let level = reader.string(map["level"], key: "logging.level") {
            if Self.logLevels.contains(level) {
                settings.level = level
            } else {
                reader.report(
                    ConfigError(
                        .invalidValue, at: map["level"]!.location, key: "logging.level",
                        "expected one of \(Self.logLevels.joined(separator: ", "))"))
            }
        }
        if let format = reader.string(map["format"], key: "logging.format") {
            if let value = LogSettings.Format(rawValue: format) {
                settings.format = value
            } else {
                reader.report(
                    ConfigError(
                        .invalidValue, at: map["format"]!.location, key: "logging.format",
                        "expected text or json, found \"\(format)\""))
            }
        }
        return settings
    }

    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// ActionKit on, the other two present and off: the minimal set.
    static let defaultProviders: [ProviderSettings] = [
        ("actionkit", true, "ActionKit"), ("openapi", false, "OpenAPICustom"), ("proxy", false, "ProxyAPI"),
    ].map { name, enabled, library in
        ProviderSettings(
            name: name, enabled: enabled, library: library, config: .object([:]),
            http: HTTPServiceSettings(allowedHosts: [], timeoutMs: 30_000, maxResponseBytes: 10 << 20),
            location: .none)
    }

    // MARK: Helpers

    /// A URL value, checked where it was written.
    private func url(_ node: ConfigNode?, key: String, _ reader: inout ConfigReader) -> String? {
        guard let text = reader.string(node, key: key), let node else { return nil }
        Self.checkURL(text, at: node.location, key: key, &reader)
        return text
    }

    private var directoryForRelativePaths: String {
        file.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
    }

    /// A PEM pasted into one line with literal `\n` sequences, as the TypeScript server accepts.
    static func unescapeNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n")
    }

    /// YAML 1.2's scalars (``YAMLJSON/scalar(_:)``): plain scalars may be null, booleans or
    /// numbers, never YAML 1.1's `yes`/`on`, octal or timestamps; quoted ones are text.
    static func json(_ node: ConfigNode) -> JSONValue {
        switch node.value {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            return YAMLJSON.scalar(text)
        case .sequence(let items):
            return .array(items.map(json))
        case .mapping(let pairs):
            return .object(Dictionary(pairs.map { ($0.key, json($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
