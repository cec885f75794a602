import JSONCore

/// The whole configuration of a server: config.yaml, then `.env`, then the environment.
package struct HostConfig: Sendable {
    /// The config file, when there is one.
    package var file: String?
    /// The folder relative paths resolve against: the config file's, or the working directory.
    package var directory: String
    package var server: ServerSettings
    package var paragon: ParagonSettings
    package var limits: ToolLimits
    package var toolLists: ToolListSettings
    /// How tool lists are presented: directly, or through search meta-tools.
    package var tools: ToolPresentationSettings
    /// The database instances share, in cluster mode.
    package var cluster: ClusterSettings
    package var validation: ValidationSettings
    package var setup: SetupSettings
    package var auth: AuthSettings
    /// Enabled and disabled providers, in the order config.yaml lists them.
    package var providers: [ProviderSettings]
    /// Folders searched for provider libraries after the executable's own.
    package var providerSearchPaths: [String]
    package var logging: LogSettings
    package var metrics: MetricsSettings
    package var reload: ReloadSettings

    package var enabledProviders: [ProviderSettings] { providers.filter(\.enabled) }

    package init(
        file: String? = nil,
        directory: String,
        server: ServerSettings,
        paragon: ParagonSettings,
        limits: ToolLimits,
        toolLists: ToolListSettings,
        validation: ValidationSettings,
        setup: SetupSettings,
        auth: AuthSettings = AuthSettings(),
        providers: [ProviderSettings],
        providerSearchPaths: [String],
        logging: LogSettings,
        metrics: MetricsSettings,
        reload: ReloadSettings,
        tools: ToolPresentationSettings = ToolPresentationSettings(),
        cluster: ClusterSettings = ClusterSettings()
    ) {
        self.file = file
        self.directory = directory
        self.server = server
        self.paragon = paragon
        self.limits = limits
        self.toolLists = toolLists
        self.tools = tools
        self.cluster = cluster
        self.validation = validation
        self.setup = setup
        self.auth = auth
        self.providers = providers
        self.providerSearchPaths = providerSearchPaths
        self.logging = logging
        self.metrics = metrics
        self.reload = reload
    }
}

/// How the server is run.
package enum ServerMode: String, Sendable, CaseIterable {
    /// `?user=ID` authenticates, localhost origins are allowed, logs are verbose.
    case development
    case production
}

package struct ServerSettings: Sendable, Equatable {
    package var host: String
    package var port: Int
    /// `MCP_SERVER_URL`: where users reach the server; the base of setup links.
    package var publicURL: String
    /// Whether `publicURL` was configured rather than defaulted to `http://localhost:<port>`.
    package var publicURLIsConfigured = false
    package var mode: ServerMode
    /// The mode as configured; nil until validation picks the default (development without a
    /// Paragon project, production with one).
    package var configuredMode: ServerMode?
    package var allowedHosts: [String]
    package var allowedOrigins: [String]
    package var legacySSE: Bool
    package var sessionIdleTimeoutMs: Int
    package var maxSessions: Int
    /// Sessions one user may hold; at the cap their least recently used idle session is closed.
    package var maxSessionsPerUser: Int
    /// How long the host waits for a provider's list or call.
    package var callTimeoutMs: Int
    /// HTTP connections open at once, at most; 0 until validation picks the default (three
    /// quarters of the process's open-file limit).
    package var maxConnections: Int
    /// How long a new connection may take to send its first request head.
    package var requestHeadTimeoutMs: Int
    /// How long a request body may take to arrive, from its head.
    package var requestBodyTimeoutMs: Int
    /// How long a connection may wait idle for its next request after a response.
    package var keepAliveTimeoutMs: Int
    /// How long a setup link stays valid.
    package var setupLinkTTLSeconds: Int

    package init(
        host: String,
        port: Int,
        publicURL: String,
        mode: ServerMode,
        configuredMode: ServerMode? = nil,
        allowedHosts: [String],
        allowedOrigins: [String],
        legacySSE: Bool,
        sessionIdleTimeoutMs: Int,
        maxSessions: Int,
        maxSessionsPerUser: Int,
        callTimeoutMs: Int,
        maxConnections: Int,
        requestHeadTimeoutMs: Int,
        requestBodyTimeoutMs: Int,
        keepAliveTimeoutMs: Int,
        setupLinkTTLSeconds: Int
    ) {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.mode = mode
        self.configuredMode = configuredMode
        self.allowedHosts = allowedHosts
        self.allowedOrigins = allowedOrigins
        self.legacySSE = legacySSE
        self.sessionIdleTimeoutMs = sessionIdleTimeoutMs
        self.maxSessions = maxSessions
        self.maxSessionsPerUser = maxSessionsPerUser
        self.callTimeoutMs = callTimeoutMs
        self.maxConnections = maxConnections
        self.requestHeadTimeoutMs = requestHeadTimeoutMs
        self.requestBodyTimeoutMs = requestBodyTimeoutMs
        self.keepAliveTimeoutMs = keepAliveTimeoutMs
        self.setupLinkTTLSeconds = setupLinkTTLSeconds
    }
}

package struct ParagonSettings: Sendable {
    /// Empty when no Paragon project is configured.
    package var projectID: String
    /// The RSA private key (PEM) that signs and verifies user tokens, when configured.
    package var signingKeyPEM: String?
    /// Where the key came from, for messages.
    package var signingKeyLocation: ConfigLocation
    package var actionKitURL: String
    package var zeusURL: String
    package var proxyURL: String
    package var connectSDKURL: String

    package init(
        projectID: String,
        signingKeyPEM: String? = nil,
        signingKeyLocation: ConfigLocation,
        actionKitURL: String,
        zeusURL: String,
        proxyURL: String,
        connectSDKURL: String
    ) {
        self.projectID = projectID
        self.signingKeyPEM = signingKeyPEM
        self.signingKeyLocation = signingKeyLocation
        self.actionKitURL = actionKitURL
        self.zeusURL = zeusURL
        self.proxyURL = proxyURL
        self.connectSDKURL = connectSDKURL
    }
}

/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS`: empty means no limit.
package struct ToolLimits: Sendable, Equatable {
    package var integrations: [String]
    package var tools: [String]

    package init(integrations: [String] = [], tools: [String] = []) {
        self.integrations = integrations
        self.tools = tools
    }
}

/// How users' tool lists are cached and paged.
package struct ToolListSettings: Sendable {
    /// How long a user's tool list is reused before it is fetched again; 0 fetches every time
    /// (concurrent requests still share one fetch).
    package var cacheTTLSeconds: Int
    /// How many users' lists are kept at most; the one closest to expiry goes first.
    package var cacheMaxUsers: Int
    /// Tools per `tools/list` page, at most.
    package var pageSize: Int
    /// Bytes per `tools/list` page, about (a page holds at least one tool): clients limit the
    /// size of one message (the official Python client's legacy SSE transport: 1 MiB).
    package var pageMaxBytes: Int
    /// How long a list that a failing provider is missing from is kept (not configurable: it only
    /// spares the other providers a listing per request while one is down).
    package var partialListTTL: Duration = .seconds(5)

    package init(
        cacheTTLSeconds: Int = 300, cacheMaxUsers: Int = 10_000, pageSize: Int = 500, pageMaxBytes: Int = 512 * 1024
    ) {
        self.cacheTTLSeconds = cacheTTLSeconds
        self.cacheMaxUsers = cacheMaxUsers
        self.pageSize = pageSize
        self.pageMaxBytes = pageMaxBytes
    }
}

/// The setup pages behind setup links.
package struct SetupSettings: Sendable, Equatable {
    /// Sources (`https://portal.example.com`, `https://*.example.com`) the pages'
    /// Content-Security-Policy admits besides the origins of the configured Paragon URLs.
    package var cspExtraSources: [String]

    package init(cspExtraSources: [String] = []) {
        self.cspExtraSources = cspExtraSources
    }
}

/// What the server says of authentication, in its OAuth 2.0 Protected Resource Metadata
/// (RFC 9728). Paragon user tokens stay the credential whatever is listed here.
package struct AuthSettings: Sendable, Equatable {
    /// Issuer identifiers of the OAuth 2.0 authorization servers the operator fronts the server
    /// with (`https://auth.example.com`), advertised as `authorization_servers` (RFC 9728 §2);
    /// empty: none is advertised.
    package var authorizationServers: [String]

    package init(authorizationServers: [String] = []) {
        self.authorizationServers = authorizationServers
    }
}

/// How tool arguments are checked at the host before any provider sees them.
package struct ValidationSettings: Sendable, Equatable {
    /// Read exact numeric and boolean strings as the numbers and booleans a schema asks for, and
    /// leave out `null` for optional non-nullable properties, before validating (see
    /// ``ArgumentCoercion``); false checks arguments exactly as sent.
    package var coerce: Bool

    package init(coerce: Bool = true) {
        self.coerce = coerce
    }
}

package struct ProviderSettings: Sendable {
    /// The provider's key in config.yaml (`actionkit`, `openapi`, `proxy`, ...).
    package var name: String
    package var enabled: Bool
    /// A library name (`ActionKit` → `libActionKit.so`) or a path.
    package var library: String
    /// The provider's own `config:` section.
    package var config: JSONValue
    package var http: HTTPServiceSettings
    /// Where `enabled` was decided, for messages.
    package var location: ConfigLocation

    package init(
        name: String,
        enabled: Bool,
        library: String,
        config: JSONValue,
        http: HTTPServiceSettings,
        location: ConfigLocation
    ) {
        self.name = name
        self.enabled = enabled
        self.library = library
        self.config = config
        self.http = http
        self.location = location
    }
}

/// What a provider's HTTP service may do.
package struct HTTPServiceSettings: Sendable {
    /// Hosts (`example.com`, `example.com:8443`, or `*` for any) the provider may call;
    /// the Paragon hosts are always allowed.
    package var allowedHosts: [String]
    package var timeoutMs: Int
    package var maxResponseBytes: Int

    package init(
        allowedHosts: [String],
        timeoutMs: Int,
        maxResponseBytes: Int
    ) {
        self.allowedHosts = allowedHosts
        self.timeoutMs = timeoutMs
        self.maxResponseBytes = maxResponseBytes
    }
}

package struct LogSettings: Sendable, Equatable {
    package enum Format: String, Sendable, CaseIterable { case text, json }
    package var level: String
    package var format: Format
    /// Whether `level` was asked for (`LOG_LEVEL`, `logging.level`) rather than defaulted. The
    /// libraries' own lines (service lifecycle, the HTTP server) come at `debug` only when asked
    /// for; by default they start at `info`.
    package var levelIsExplicit = false

    package init(
        level: String,
        format: Format
    ) {
        self.level = level
        self.format = format
    }
}

/// Where `/metrics` is served.
package struct MetricsSettings: Sendable, Equatable {
    package var enabled: Bool
    /// A port of its own (bound on `host`), so that metrics need not face the internet; nil
    /// serves them on the main port.
    package var port: Int?
    /// The address of the metrics port; default: the server's.
    package var host: String?

    package init(
        enabled: Bool,
        port: Int? = nil,
        host: String? = nil
    ) {
        self.enabled = enabled
        self.port = port
        self.host = host
    }
}

/// What, besides SIGHUP, reloads the configuration.
package struct ReloadSettings: Sendable, Equatable {
    /// Reload when config.yaml, `.env` or a watched folder changes.
    package var watch: Bool
    /// How often watched files are checked.
    package var intervalMs: Int
    /// Folders watched besides the config file (default: `openapi/` beside it).
    package var paths: [String]

    package init(
        watch: Bool,
        intervalMs: Int,
        paths: [String]
    ) {
        self.watch = watch
        self.intervalMs = intervalMs
        self.paths = paths
    }
}
