import Hummingbird
import Logging
import NIOCore

/// The HTTP routes of the server.
enum HTTPFront {
    static func router(for server: MCPServer) -> Router<MCPRequestContext> {
        let router = Router(context: MCPRequestContext.self)
        StreamableHTTPTransport(server: server).register(on: router)
        SetupRoutes(server: server).register(on: router)
        if server.config.server.legacySSE {
            LegacySSETransport(server: server).register(on: router)
        }
        return router
    }

    /// Only the setup pages, for a server whose MCP runs on stdio: links in its answers still open.
    static func setupApplication(
        for server: MCPServer, host: String, port: Int, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router(context: MCPRequestContext.self)
        SetupRoutes(server: server).register(on: router)
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "paragon-mcp"),
            logger: logger)
    }

    /// The Hummingbird application serving `server`'s routes, watching for clients that hang up.
    static func application(
        for server: MCPServer, host: String, port: Int, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let watcher = server.watcher
        return Application(
            router: router(for: server),
            server: .http1(additionalChannelHandlers: [DisconnectHandler(watcher: watcher)]),
            configuration: .init(address: .hostname(host, port: port), serverName: "paragon-mcp"),
            onServerRunning: onServerRunning, logger: logger)
    }
}
