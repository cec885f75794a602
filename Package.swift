// swift-tools-version:6.1
import PackageDescription

/// Providers are loaded with `dlopen`; they share nothing with the host but the C header in
/// `Sources/PluginABI`. Each is its own dynamic library product, built by `swift build`.
let providerProducts: [Product] = [
    .library(name: "ActionKit", type: .dynamic, targets: ["ActionKitProvider"]),
    .library(name: "OpenAPICustom", type: .dynamic, targets: ["OpenAPICustomProvider"]),
    .library(name: "ProxyAPI", type: .dynamic, targets: ["ProxyAPIProvider"]),
]

let package = Package(
    name: "paragon-mcp",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "paragon-mcp", targets: ["ParagonMCP"]),
        // The benchmark's outbound-client floor (bench/run); not part of the server.
        .executable(name: "bench-upstream-client", targets: ["BenchUpstreamClient"]),
        // The benchmark's evaluation of search mode's ranking (bench/run); not part of the server.
        .executable(name: "bench-tool-search", targets: ["BenchToolSearch"]),
        .library(name: "ProviderKit", targets: ["ProviderKit"]),
    ] + providerProducts,
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", exact: "0.12.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The contract: one C header, nothing else.
        .target(name: "PluginABI", path: "Sources/PluginABI"),
        // A JSON value type, compiled into the host and into each Swift provider separately.
        .target(name: "JSONCore"),
        // JSON Schema validation of tool arguments; depends on nothing of the host.
        .target(name: "JSONSchema", dependencies: ["JSONCore"]),

        // Ranked search over tool descriptions (SQLite FTS5 through GRDB); knows nothing of MCP.
        .target(
            name: "ToolSearch",
            dependencies: ["ParagonModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // The host, in layers; each depends only on those above it here.
        // Settings as plain values: what every layer is configured with (read by Application).
        .target(name: "Settings", dependencies: ["JSONCore"]),
        // Metrics, throttled logging, diagnostics; knows nothing of MCP or HTTP.
        .target(
            name: "Observability",
            dependencies: [
                "Settings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // MCP itself: JSON-RPC, the dispatcher, sessions, the tool registry and its list cache.
        // No Hummingbird, no NIO: time, timers and blocking work are injected.
        .target(
            name: "MCPCore",
            dependencies: [
                "Settings", "Observability", "JSONCore", "JSONSchema", "ToolSearch", "ParagonModel",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The plugin runtime: loading providers with dlopen, the host table and services offered
        // to them (outbound HTTP), and the state machine of each provider call.
        .target(
            name: "PluginRuntime",
            dependencies: [
                "MCPCore", "Settings", "Observability", "PluginABI", "JSONCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Cluster mode: the state instances share through PostgreSQL (handshake-era sessions,
        // single-use request states, events by LISTEN/NOTIFY), its schema and its health.
        .target(
            name: "Cluster",
            dependencies: [
                "MCPCore", "Settings", "Observability", "JSONCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Paragon user tokens (RS256): verifying, signing, keys.
        .target(
            name: "Auth",
            dependencies: [
                "MCPCore", "Settings",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The transports in front of MCPCore: Streamable HTTP, legacy HTTP+SSE and stdio, with
        // admission (Host, Origin, authentication), setup pages and the operations routes.
        .target(
            name: "Serving",
            dependencies: [
                "MCPCore", "Auth", "Settings", "Observability", "JSONCore", "ParagonModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // The application: reads the configuration, wires the layers, CLI, reload, bootstrap.
        .target(
            name: "Application",
            dependencies: [
                "Settings", "Observability", "MCPCore", "PluginRuntime", "Auth", "Serving", "Cluster",
                "PluginABI", "JSONCore", "YAMLJSON", "ParagonModel", "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // An offline Paragon: the host starts it in-process; never linked into providers.
        .target(
            name: "Sandbox",
            dependencies: [
                "JSONCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/catalog.json"), .copy("Resources/synthetic-catalog.json")]
        ),
        .executableTarget(
            name: "ParagonMCP",
            dependencies: [
                "Application",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/paragon-mcp"
        ),
        .executableTarget(
            name: "BenchUpstreamClient",
            dependencies: [
                "PluginRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "bench/UpstreamClient"
        ),
        .executableTarget(
            name: "BenchToolSearch", dependencies: ["MCPCore", "ToolSearch", "JSONCore"], path: "bench/ToolSearchEval"),

        // Swift helper linked into each Swift provider (never into the host). Keeps no globals.
        .target(name: "ProviderKit", dependencies: ["PluginABI", "JSONCore"]),
        // Paragon's APIs as the providers call them (Zeus, the Proxy API, error answers); no globals.
        .target(name: "ParagonAPI", dependencies: ["ProviderKit", "ParagonModel"]),
        // Paragon's naming rules, shared by the host and the providers; depends on nothing.
        .target(name: "ParagonModel"),
        // YAML read as JSON with YAML 1.2's JSON-schema scalars (what OpenAPI prescribes).
        .target(name: "YAMLJSON", dependencies: ["JSONCore", .product(name: "Yams", package: "Yams")]),

        // Each provider: its logic in a library (unit-tested), and a thin target holding only the
        // exported entry symbol, which is the `.dynamic` product.
        .target(name: "ActionKitCore", dependencies: ["ProviderKit", "ParagonAPI"], path: "Plugins/ActionKit/Core"),
        .target(
            name: "ActionKitProvider", dependencies: ["ActionKitCore", "ProviderKit"], path: "Plugins/ActionKit/Entry"),
        .target(
            name: "OpenAPICustomCore", dependencies: ["ProviderKit", "ParagonAPI", "YAMLJSON"],
            path: "Plugins/OpenAPICustom/Core"),
        .target(
            name: "OpenAPICustomProvider", dependencies: ["OpenAPICustomCore", "ProviderKit"],
            path: "Plugins/OpenAPICustom/Entry"),
        .target(name: "ProxyAPICore", dependencies: ["ProviderKit", "ParagonAPI"], path: "Plugins/ProxyAPI/Core"),
        .target(
            name: "ProxyAPIProvider", dependencies: ["ProxyAPICore", "ProviderKit"], path: "Plugins/ProxyAPI/Entry"),

        .testTarget(
            name: "HostTests",
            dependencies: [
                "Application", "Settings", "Observability", "MCPCore", "PluginRuntime", "Auth", "Serving", "Cluster",
                "PluginABI", "JSONCore", "Sandbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures", "Clients"]
        ),
        // The fast tier: state machines, registry and cache, cursors, policies, dispatcher, config;
        // no sockets, no subprocess, no compiler.
        .testTarget(
            name: "HostUnitTests",
            dependencies: [
                "Application", "Settings", "Observability", "MCPCore", "PluginRuntime", "Auth", "Serving", "JSONCore",
                "Cluster",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSONCore"], exclude: ["Suite"]),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore"]),
        .testTarget(name: "ToolSearchTests", dependencies: ["ToolSearch"]),
        .testTarget(name: "YAMLJSONTests", dependencies: ["YAMLJSON", "JSONCore"]),
        // The providers' logic, without sockets or subprocesses.
        .testTarget(name: "ActionKitCoreTests", dependencies: ["ActionKitCore", "ParagonAPI", "ProviderKit"]),
        .testTarget(
            name: "OpenAPICustomCoreTests",
            dependencies: ["OpenAPICustomCore", "ParagonAPI", "ProviderKit", "JSONSchema"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ProxyAPICoreTests", dependencies: ["ProxyAPICore", "ParagonAPI", "ProviderKit"]),
    ]
)
