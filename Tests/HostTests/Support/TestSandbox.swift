import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Sandbox

/// The sandbox on 127.0.0.1 and a free port, with the test key, for the length of `body`.
struct TestSandbox: Sendable {
    let sandbox: Sandbox
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }
    var project: String { base + "/projects/\(sandbox.projectID)" }

    static func with<R: Sendable>(
        catalog: SandboxCatalog? = nil, _ body: @Sendable (TestSandbox) async throws -> R
    ) async throws -> R {
        let sandbox = await Sandbox(catalog: try catalog ?? .bundled(), signingKey: try TestTokens.key())
        let port = try TestServer.freePort()
        var httpLogger = Logger(label: "test-sandbox")
        httpLogger.logLevel = .critical
        let app = sandbox.application(host: "127.0.0.1", port: port, logger: httpLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            let test = TestSandbox(sandbox: sandbox, port: port)
            for _ in 0..<200 {
                if (try? await HTTPClient.shared.execute(
                    HTTPClientRequest(url: test.base + "/sdk/index.js"),
                    timeout: .seconds(1))) != nil
                {
                    break
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            return try await body(test)
        }
    }

    /// A request to the sandbox; `token` nil sends none.
    func send(
        _ method: HTTPMethod, _ url: String, token: String?, body: String? = nil, headers: [(String, String)] = []
    ) async throws -> MCPTestClient.Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return .init(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}
