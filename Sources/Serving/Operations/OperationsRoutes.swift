import Hummingbird
import NIOCore
import Observability

/// `/healthz`, `/readyz` and `/metrics`: for probes and scrapers, so no Host, Origin or token
/// checks (a probe's Host is the pod's address).
package struct OperationsRoutes {
    package let server: MCPServer

    package func register<Context: RequestContext>(on router: Router<Context>, metrics: Bool) {
        router.get("/healthz") { _, _ in Self.json(.ok, #"{"status":"ok"}"#) }
        router.get("/readyz") { _, _ in
            let readiness = server.readiness.current
            let providers = server.dispatcher.registry.current.providers.count
            // Cluster mode: the shared store's state; an instance without it still serves what
            // it holds, so it stays ready.
            let store = server.cluster.map { #","store":"\#($0.storeIsUp ? "up" : "down")""# } ?? ""
            return Self.json(
                readiness == .ready ? .ok : .serviceUnavailable,
                #"{"status":"\#(readiness)","providers":\#(providers)\#(store)}"#)
        }
        if metrics { Self.registerMetrics(server.metrics, on: router) }
    }

    /// `/metrics` alone, for a router of its own port.
    package static func registerMetrics<Context: RequestContext>(_ metrics: ServerMetrics, on router: Router<Context>) {
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
