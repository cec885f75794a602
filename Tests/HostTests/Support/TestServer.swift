import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import Synchronization

@testable import Application
@testable import MCPCore
@testable import Observability
@testable import PluginRuntime
@testable import Serving

/// The real HTTP front on 127.0.0.1, in-process, with real providers and a real signing key.
struct TestServer: Sendable {
    let port: Int
    let server: MCPServer
    var base: String { "http://127.0.0.1:\(port)" }

    /// Runs a server for `body`. `yaml` is config.yaml's content; the C example provider is
    /// enabled unless `providers` says otherwise.
    static func with<R: Sendable>(
        yaml: String = "", environment: [String: String] = [:],
        providers: [(name: String, library: String, extra: String)]? = nil,
        _ body: @Sendable (TestServer) async throws -> R
    ) async throws -> R {
        let port = try environment["PORT"].flatMap { Int($0) } ?? freePort()
        var env = environment
        env["PORT"] = "\(port)"
        env["SIGNING_KEY"] = try TestKeys.privateKeyPEM()
        if env["NODE_ENV"] == nil { env["NODE_ENV"] = "production" }
        let list = try providers ?? [("example", try CCompiler.example(), "")]
        let config = try TestConfig.load(yaml + "\n" + TestConfig.providers(list), environment: env)
        let logger = Logger(label: "test-server")
        let metrics = ServerMetrics()
        let loader = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: logger, metrics: metrics)
        let registry = loader.registry(of: loader.load())
        let key = try TestTokens.key()
        // Cluster mode when DATABASE_URL is given, as the server's bootstrap makes it.
        var cluster: ClusterRuntime?
        if let url = config.cluster.databaseURL {
            // Generous: the whole suite runs beside it on two cores.
            cluster = try await ClusterRuntime(
                url: url, signingKeyDER: Array(key.derRepresentation), mode: config.server.mode,
                sessionIdleTimeout: .milliseconds(config.server.sessionIdleTimeoutMs), logger: logger,
                metrics: metrics, startTimeout: .seconds(60))
        }
        defer { cluster?.stop() }
        let server = await MCPServer(
            config: config, registry: registry, signingKey: key, httpClient: TestRuntime.shared.http.client,
            logger: logger, keepAlive: .milliseconds(200),
            metrics: metrics, ledger: cluster?.ledger ?? ConsumedRequestStates(), cluster: cluster?.link)
        await cluster?.attach(to: server)
        // Cancelling the server at the end of a test makes Hummingbird log expected errors; keep them quiet.
        var httpLogger = Logger(label: "test-server-http")
        httpLogger.logLevel = .critical
        let app = HTTPFront.application(for: server, host: "127.0.0.1", port: port, logger: httpLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            let test = TestServer(port: port, server: server)
            try await test.waitUntilListening()
            let result = try await body(test)
            server.sessions.closeAll(reason: "test over")
            return result
        }
    }

    private func waitUntilListening() async throws {
        for _ in 0..<200 {
            if (try? await HTTPClient.shared.execute(
                HTTPClientRequest(url: base + "/ready-probe"), timeout: .seconds(1)))
                != nil
            {
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    private static let handedOut = Mutex<Set<Int>>([])

    /// A port nothing listens on right now, never the same twice in a test run (parallel tests
    /// must not race for one port), and outside the kernel's ephemeral range: a port the kernel
    /// hands out (to a client connection, or to a bind on port 0 in a child process) could be
    /// taken between this check and the server's bind.
    static func freePort() throws -> Int {
        while true {
            let port = Int.random(in: 20_000..<32_000)
            guard handedOut.withLock({ !$0.contains(port) }), canBind(port) else { continue }
            if handedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
    }

    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
