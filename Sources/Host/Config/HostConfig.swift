import JSONCore

/// The whole configuration of a server: config.yaml, then `.env`, then the environment.
public struct HostConfig: Sendable {
    /// The config file, when there is one.
    public var file: String?
    /// The folder relative paths resolve against: the config file's, or the working directory.
    public var directory: String
    public var server: ServerSettings
    public var paragon: ParagonSettings
    public var limits: ToolLimits
    public var toolLists: ToolListSettings
    public var validation: ValidationSettings
    public var setup: SetupSettings
    /// Enabled and disabled providers, in the order config.yaml lists them.
    public var providers: [ProviderSettings]
    /// Folders searched for provider libraries after the executable's own.
    public var providerSearchPaths: [String]
    public var logging: LogSettings
    public var metrics: MetricsSettings
    public var reload: ReloadSettings

    public var enabledProviders: [ProviderSettings] { providers.filter(\.enabled) }
}

/// How the server is run.
public enum ServerMode: String, Sendable {
    /// `?user=ID` authenticates, localhost origins are allowed, logs are verbose.
    case development
    case production
}

public struct ServerSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// `MCP_SERVER_URL`: where users reach the server; the base of setup links.
    public var publicURL: String
    /// Whether `publicURL` was configured rather than defaulted to `http://localhost:<port>`.
    public var publicURLIsConfigured = false
    public var mode: ServerMode
    /// The mode as configured; nil until validation picks the default (development without a
    /// Paragon project, production with one).
    var configuredMode: ServerMode?
    public var allowedHosts: [String]
    public var allowedOrigins: [String]
    public var legacySSE: Bool
    public var sessionIdleTimeoutMs: Int
    public var maxSessions: Int
    /// Sessions one user may hold; at the cap their least recently used idle session is closed.
    public var maxSessionsPerUser: Int
    /// How long the host waits for a provider's list or call.
    public var callTimeoutMs: Int
    /// HTTP connections open at once, at most; 0 until validation picks the default (three
    /// quarters of the process's open-file limit).
    public var maxConnections: Int
    /// How long a new connection may take to send its first request head.
    public var requestHeadTimeoutMs: Int
    /// How long a request body may take to arrive, from its head.
    public var requestBodyTimeoutMs: Int
    /// How long a connection may wait idle for its next request after a response.
    public var keepAliveTimeoutMs: Int
    /// How long a setup link stays valid.
    public var setupLinkTTLSeconds: Int
}

public struct ParagonSettings: Sendable {
    /// Empty when no Paragon project is configured.
    public var projectID: String
    /// The RSA private key (PEM) that signs and verifies user tokens, when configured.
    public var signingKeyPEM: String?
    /// Where the key came from, for messages.
    public var signingKeyLocation: ConfigLocation
    public var actionKitURL: String
    public var zeusURL: String
    public var proxyURL: String
    public var connectSDKURL: String
}

/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS`: empty means no limit.
public struct ToolLimits: Sendable, Equatable {
    public var integrations: [String]
    public var tools: [String]

    public init(integrations: [String] = [], tools: [String] = []) {
        self.integrations = integrations
        self.tools = tools
    }
}

/// How users' tool lists are cached and paged.
public struct ToolListSettings: Sendable {
    /// How long a user's tool list is reused before it is fetched again; 0 fetches every time
    /// (concurrent requests still share one fetch).
    public var cacheTTLSeconds: Int
    /// How many users' lists are kept at most; the one closest to expiry goes first.
    public var cacheMaxUsers: Int
    /// Tools per `tools/list` page, at most.
    public var pageSize: Int
    /// Bytes per `tools/list` page, about (a page holds at least one tool): clients limit the
    /// size of one message (the official Python client's legacy SSE transport: 1 MiB).
    public var pageMaxBytes: Int
    /// How long a list that a failing provider is missing from is kept (not configurable: it only
    /// spares the other providers a listing per request while one is down).
    public var partialListTTL: Duration = .seconds(5)

    public init(
        cacheTTLSeconds: Int = 300, cacheMaxUsers: Int = 10_000, pageSize: Int = 500, pageMaxBytes: Int = 512 * 1024
    ) {
        self.cacheTTLSeconds = cacheTTLSeconds
        self.cacheMaxUsers = cacheMaxUsers
        self.pageSize = pageSize
        self.pageMaxBytes = pageMaxBytes
    }
}

/// The setup pages behind setup links.
public struct SetupSettings: Sendable, Equatable {
    /// Sources (`https://portal.example.com`, `https://*.example.com`) the pages'
    /// Content-Security-Policy admits besides the origins of the configured Paragon URLs.
    public var cspExtraSources: [String]

    public init(cspExtraSources: [String] = []) {
        self.cspExtraSources = cspExtraSources
    }
}

/// How tool arguments are checked at the host before any provider sees them.
public struct ValidationSettings: Sendable, Equatable {
    /// Read exact numeric and boolean strings as the numbers and booleans a schema asks for, and
    /// leave out `null` for optional non-nullable properties, before validating (see
    /// ``ArgumentCoercion``); false checks arguments exactly as sent.
    public var coerce: Bool

    public init(coerce: Bool = true) {
        self.coerce = coerce
    }
}

public struct ProviderSettings: Sendable {
    /// The provider's key in config.yaml (`actionkit`, `openapi`, `proxy`, ...).
    public var name: String
    public var enabled: Bool
    /// A library name (`ActionKit` → `libActionKit.so`) or a path.
    public var library: String
    /// The provider's own `config:` section.
    public var config: JSONValue
    public var http: HTTPServiceSettings
    /// Where `enabled` was decided, for messages.
    public var location: ConfigLocation
}

/// What a provider's HTTP service may do.
public struct HTTPServiceSettings: Sendable {
    /// Hosts (`example.com`, `example.com:8443`, or `*` for any) the provider may call;
    /// the Paragon hosts are always allowed.
    public var allowedHosts: [String]
    public var timeoutMs: Int
    public var maxResponseBytes: Int
}

public struct LogSettings: Sendable, Equatable {
    public enum Format: String, Sendable { case text, json }
    public var level: String
    public var format: Format
    /// Whether `level` was asked for (`LOG_LEVEL`, `logging.level`) rather than defaulted. The
    /// libraries' own lines (service lifecycle, the HTTP server) come at `debug` only when asked
    /// for; by default they start at `info`.
    public var levelIsExplicit = false
}

/// Where `/metrics` is served.
public struct MetricsSettings: Sendable, Equatable {
    public var enabled: Bool
    /// A port of its own (bound on `host`), so that metrics need not face the internet; nil
    /// serves them on the main port.
    public var port: Int?
    /// The address of the metrics port; default: the server's.
    public var host: String?
}

/// What, besides SIGHUP, reloads the configuration.
public struct ReloadSettings: Sendable, Equatable {
    /// Reload when config.yaml, `.env` or a watched folder changes.
    public var watch: Bool
    /// How often watched files are checked.
    public var intervalMs: Int
    /// Folders watched besides the config file (default: `openapi/` beside it).
    public var paths: [String]
}
