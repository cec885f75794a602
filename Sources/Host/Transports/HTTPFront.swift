import Hummingbird

/// The HTTP routes of the server.
enum HTTPFront {
    static func router(for server: MCPServer) -> Router<MCPRequestContext> {
        let router = Router(context: MCPRequestContext.self)
        StreamableHTTPTransport(server: server).register(on: router)
        if server.config.server.legacySSE {
            LegacySSETransport(server: server).register(on: router)
        }
        return router
    }
}
