import AsyncHTTPClient
import Foundation
import Testing

@testable import Application

/// The executable as users run it: stdio, signals, start-up errors.
@Suite struct ProcessTests {
    func exampleConfig() throws -> String {
        let file = TestPaths.scratch("proc") + "/config.yaml"
        try "providers:\n  actionkit: {enabled: false}\n  example: {library: \(try CCompiler.example())}\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func stdioServesOneSessionAndEndsAtEndOfInput() async throws {
        let child = try ChildProcess(
            ["stdio", "--config", try exampleConfig(), "--user", "alice"],
            environment: ["NODE_ENV": "development"])
        child.write(MCPTestClient.initializeBody() + "\n")
        child.write(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n")
        child.write(MCPTestClient.request(2, "tools/list") + "\n")
        child.write("not json\n")
        // The last line has no newline: it still counts.
        child.write(MCPTestClient.call(3, "EXAMPLE_ECHO", #"{"text":"over stdio"}"#))
        child.closeInput()
        let (status, stdout, stderr) = try await child.finish()
        #expect(status == 0, "\(stderr)")
        let lines = stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == 4, "stdout carries only MCP messages")
        #expect(stdout.contains("over stdio"))
        #expect(stdout.contains("EXAMPLE_HTTP_GET"))
        #expect(stdout.contains("-32700"))
        #expect(stderr.contains("serving MCP on stdio"))
    }

    @Test func stdioTakesAUserTokenFromTheEnvironment() async throws {
        let token = try await TestTokens.sign(sub: "token-user")
        let child = try ChildProcess(
            ["stdio", "--config", try exampleConfig()],
            environment: [
                "PARAGON_USER_TOKEN": token, "SIGNING_KEY": try TestKeys.privateKeyPEM(), "NODE_ENV": "production",
            ])
        child.write(MCPTestClient.initializeBody() + "\n")
        child.closeInput()
        let (status, stdout, stderr) = try await child.finish()
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("serverInfo"))
        #expect(stderr.contains("user=token-user"))
        let refused = try ChildProcess(
            ["stdio", "--config", try exampleConfig(), "--user", "x"],
            environment: ["SIGNING_KEY": try TestKeys.privateKeyPEM(), "NODE_ENV": "production"])
        let result = try await refused.finish()
        #expect(result.status == 1)
        #expect(result.stderr.contains("development mode"))
    }

    @Test func sigtermLetsTheCallInFlightFinishThenExitsZero() async throws {
        // The call must reach the provider before SIGTERM, which a loaded CI machine can delay by
        // seconds: the provider marks its arrival in a file, and SIGTERM waits for it.
        let mark = TestPaths.scratch("sigterm-mark") + "/arrived"
        let slow = try CCompiler.fixture(
            "slow_sigterm_marked", "FIXTURE_DELAY_MS=2000", "FIXTURE_TOOL_NAME=\"SLOW\"",
            "FIXTURE_MARK_FILE=\"\(mark)\"")
        let port = try TestServer.freePort()
        let file = TestPaths.scratch("sigterm") + "/config.yaml"
        try "providers:\n  actionkit: {enabled: false}\n  slow: {library: \(slow)}\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(
            ["--config", file],
            environment: [
                "PORT": "\(port)", "HOST": "127.0.0.1", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
                "NODE_ENV": "production",
            ])
        try await child.waitForLog("listening on")
        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        let token = try await TestTokens.sign(sub: "alice")
        let session = try await client.initialize(token: token)
        async let call = client.send(body: MCPTestClient.call(2, "SLOW"), token: token, session: session)
        #expect(try await eventually(within: .seconds(30)) { FileManager.default.fileExists(atPath: mark) })
        child.signal(SIGTERM)
        let reply = try await call
        #expect(reply.status == 200 && reply.result != nil, "\(reply.status) \(reply.body)")
        let (status, _, _) = try await child.finish()
        #expect(status == 0)
    }

    /// A 2026-07-28 listen stream does not hold shutdown up: it gets its closing result, and the
    /// process exits 0.
    @Test func sigtermEndsListenStreamsWithTheirResult() async throws {
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            ["--config", try exampleConfig()],
            environment: [
                "PORT": "\(port)", "HOST": "127.0.0.1", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
                "NODE_ENV": "production",
            ])
        try await child.waitForLog("listening on")
        let modern = StatelessClient(
            client: MCPTestClient(base: "http://127.0.0.1:\(port)"), token: try await TestTokens.sign(sub: "alice"))
        let listen = try await modern.listen()
        defer { listen.cancel() }
        var events = listen.events.makeAsyncIterator()
        #expect(try await events.next()?.1.contains("notifications/subscriptions/acknowledged") == true)
        child.signal(SIGTERM)
        var ended = false
        while !ended, let (name, data) = try await events.next() {
            ended = name == "message" && data.contains(#""resultType":"complete""#) && data.contains("listen-1")
        }
        #expect(ended, "the stream got its closing result")
        let (status, _, _) = try await child.finish()
        #expect(status == 0)
    }

    @Test func aPortInUseIsAClearError() async throws {
        try await TestServer.with { server in
            let child = try ChildProcess(
                ["--config", try exampleConfig()],
                environment: [
                    "PORT": "\(server.port)", "HOST": "127.0.0.1", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
                    "NODE_ENV": "production",
                ])
            let (status, _, stderr) = try await child.finish()
            #expect(status == 1)
            #expect(stderr.contains("port \(server.port) is already in use"))
        }
    }

    @Test func productionWithoutASigningKeyRefusesToStart() async throws {
        let child = try ChildProcess(
            ["--config", try exampleConfig()], environment: ["PORT": "0", "NODE_ENV": "production"])
        let (status, _, stderr) = try await child.finish()
        #expect(status == 1)
        #expect(stderr.contains("no signing key"))
    }

    @Test func duplicateToolNamesStopTheServerAtStartUp() async throws {
        let one = try CCompiler.fixture("start_dup1", "FIXTURE_TOOL_NAME=\"TWIN\"")
        let two = try CCompiler.fixture("start_dup2", "FIXTURE_TOOL_NAME=\"TWIN\"")
        let file = TestPaths.scratch("dup") + "/config.yaml"
        try "providers:\n  one: {library: \(one)}\n  two: {library: \(two)}\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(
            ["--config", file],
            environment: [
                "PORT": "\(try TestServer.freePort())", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
            ])
        let (status, _, stderr) = try await child.finish()
        #expect(status == 1)
        #expect(stderr.contains("tool TWIN is offered by more than one provider: one and two"))
    }

    @Test func theSandboxCommandServesAndPrintsItsUsers() async throws {
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            ["sandbox", "--port", "\(port)"], environment: ["SIGNING_KEY": try TestKeys.privateKeyPEM()])
        // Its banner goes to stdout; wait until it answers.
        let token = try await TestTokens.sign(sub: "bob")
        let sandbox = TestSandboxClient(base: "http://127.0.0.1:\(port)")
        var status = 0
        for _ in 0..<200 where status == 0 {
            status = (try? await sandbox.get("/projects/sandbox-project/actions", token: token)) ?? 0
            if status == 0 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(status == 200, "a token signed with SIGNING_KEY is accepted")
        child.signal(SIGTERM)
        let (exit, stdout, _) = try await child.finish()
        #expect(exit == 0)
        #expect(stdout.contains("Paragon sandbox at http://127.0.0.1:\(port)"))
        #expect(stdout.contains("user bob: connected [hubspot, notion, salesforce]"))
    }
}

/// A minimal client for the sandbox command's test.
struct TestSandboxClient {
    let base: String

    func get(_ path: String, token: String) async throws -> Int {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        return Int(try await HTTPClient.shared.execute(request, timeout: .seconds(5)).status.code)
    }
}

/// What a stdio client gets besides answers: batches on 2025-03-26, silence for what it
/// cancelled, and setup links that work when another server holds the port.
@Suite struct StdioBehaviourTests {
    @Test func batchesAndCancelledRequestsOverStdio() async throws {
        let never = try CCompiler.fixture("stdio_never", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        let file = TestPaths.scratch("stdio-batch") + "/config.yaml"
        try
            "providers:\n  actionkit: {enabled: false}\n  example: {library: \(try CCompiler.example())}\n  hang: {library: \(never)}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(
            ["stdio", "--config", file, "--user", "alice"], environment: ["NODE_ENV": "development"])
        child.write(MCPTestClient.initializeBody(version: "2025-03-26") + "\n")
        child.write(
            "[\(MCPTestClient.request(2, "ping")),\(MCPTestClient.call(3, "EXAMPLE_ECHO", #"{"text":"batched"}"#))]\n")
        _ = try await child.waitForOutput("batched")
        child.write(MCPTestClient.call(4, "HANG") + "\n")
        try await Task.sleep(for: .milliseconds(300))
        child.write(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":4}}"# + "\n")
        child.write(MCPTestClient.request(5, "ping") + "\n")
        _ = try await child.waitForOutput(#""id":5"#)
        child.closeInput()
        let (status, stdout, stderr) = try await child.finish()
        #expect(status == 0, "\(stderr)")
        #expect(!stdout.contains(#""id":4"#), "a cancelled request gets no answer: \(stdout)")
    }

    @Test func aSecondStdioServerServesItsSetupPagesOnAFreePort() async throws {
        let port = try TestServer.freePort()
        let holder = try RawListener(port: port)
        defer { holder.close() }
        let child = try ChildProcess(
            ["stdio", "--user", "carol"], environment: ["PORT": "\(port)"], directory: TestPaths.scratch("stdio-clash"))
        child.write(MCPTestClient.initializeBody() + "\n")
        child.write(SetupLinkTests.unconnectedCall + "\n")
        let answered = try await child.waitForOutput("/setup?token=")
        let line = try #require(answered.split(separator: "\n").first { $0.contains("/setup?token=") })
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let text = try #require(TestStack.text(of: reply["result"] as? [String: Any]))
        let link = try #require(TestStack.setupLink(in: text))
        #expect(!link.hasPrefix("http://localhost:\(port)/"), "the link points at the port another process holds")
        let page = try await MCPTestClient(base: "").send(.GET, path: link, accept: "text/html")
        #expect(page.status == 200)
        child.closeInput()
        let (_, _, stderr) = try await child.finish()
        #expect(stderr.contains("port \(port) is in use"), "\(stderr)")
    }
}
