import Hummingbird
import Logging
import NIOCore

/// The HTTP routes of the server.
package enum HTTPFront {
    package static func router(for server: MCPServer) -> Router<MCPRequestContext> {
        let router = Router(context: MCPRequestContext.self)
        router.add(middleware: HTTPMetricsMiddleware(metrics: server.metrics))
        router.add(middleware: MCPCORSMiddleware(policy: server.policy))
        // The MCP routes: admitted once, by the group's middleware, before their handlers run.
        // A 401 names the metadata of the resource refused: `/mcp`'s, or the server's for the
        // legacy routes (RFC 9728 §3.3: a client checks the resource against the URL it asked).
        let metadata = ProtectedResourceMetadata.documents(for: server.config)
        StreamableHTTPTransport(server: server).register(
            on: router, admitted: admitted(router, server, resourceMetadata: metadata.mcpEndpoint))
        SetupRoutes(server: server).register(on: router)
        if server.config.server.legacySSE {
            LegacySSETransport(server: server).register(
                on: admitted(router, server, resourceMetadata: metadata.server))
        }
        ProtectedResourceMetadata.register([metadata.server, metadata.mcpEndpoint], on: router)
        let metrics = server.config.metrics
        OperationsRoutes(server: server).register(on: router, metrics: metrics.enabled && metrics.port == nil)
        return router
    }

    /// A group of `router` whose routes run after ``AdmissionMiddleware`` admitted the request,
    /// with an ``AdmittedMCPContext``.
    private static func admitted(
        _ router: Router<MCPRequestContext>, _ server: MCPServer, resourceMetadata: ProtectedResourceMetadata
    ) -> RouterGroup<AdmittedMCPContext> {
        router.group().add(middleware: AdmissionMiddleware(server: server, resourceMetadata: resourceMetadata))
            .group(context: AdmittedMCPContext.self)
    }

    /// `/metrics` on a port of its own, when configured.
    package static func metricsApplication(
        for server: MCPServer, logger: Logger
    ) -> Application<RouterResponder<BasicRequestContext>>? {
        let settings = server.config.metrics
        guard settings.enabled, let port = settings.port else { return nil }
        let router = Router()
        OperationsRoutes.registerMetrics(server.metrics, on: router)
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(settings.host ?? server.config.server.host, port: port), serverName: "paragon-mcp"),
            logger: logger)
    }

    /// Only the setup pages, for a server whose MCP runs on stdio: links in its answers still open.
    package static func setupApplication(
        for server: MCPServer, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: MCPRequestContext.self)
        router.add(middleware: HTTPMetricsMiddleware(metrics: server.metrics))
        router.add(middleware: MCPCORSMiddleware(policy: server.policy))
        SetupRoutes(server: server).register(on: router)
        OperationsRoutes(server: server).register(on: router, metrics: false)
        let limiter = server.connections
        return Application(
            router: router, server: .http1(additionalChannelHandlers: [ConnectionGuard(limiter: limiter)]),
            configuration: .init(address: .hostname(host, port: port), serverName: "paragon-mcp"),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// The Hummingbird application serving `server`'s routes, watching for clients that hang up.
    package static func application(
        for server: MCPServer, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let watcher = server.watcher, limiter = server.connections
        return Application(
            router: router(for: server),
            server: .http1(additionalChannelHandlers: [
                DisconnectHandler(watcher: watcher), ConnectionGuard(limiter: limiter),
            ]),
            configuration: .init(address: .hostname(host, port: port), serverName: "paragon-mcp"),
            onServerRunning: onServerRunning, logger: logger)
    }
}
