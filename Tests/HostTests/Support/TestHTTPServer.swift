import Hummingbird
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real Hummingbird server on 127.0.0.1 and a free port, for the length of `body`. The port is
/// never one an earlier server of the run had: the host's pooled HTTP client could otherwise
/// reuse a keep-alive connection to that server, which has gone.
enum TestHTTPServer {
    static func with<R: Sendable>(
        _ router: Router<BasicRequestContext>, _ body: @Sendable (Int) async throws -> R
    ) async throws -> R {
        let port = PortBox()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: try TestServer.freePort())),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            while port.value == 0 { try await Task.sleep(for: .milliseconds(5)) }
            defer { group.cancelAll() }
            return try await body(port.value)
        }
    }

    private final class PortBox: Sendable {
        private let port = Mutex(0)
        var value: Int { port.withLock { $0 } }
        func set(_ value: Int) { port.withLock { $0 = value } }
    }
}
