import Foundation
import Testing

/// Turning features on and off by editing config.yaml, on a running server: SIGHUP (or, when
/// enabled, the edit itself) reloads; open sessions are told; a broken edit changes nothing.
@Suite struct ReloadTests {
    static func config(slow: String?, proxy: Bool, extra: String = "") -> String {
        """
        providers:
          actionkit: {enabled: false}
          proxy: {enabled: \(proxy)}
        \(slow.map { "  slow: {library: \($0)}" } ?? "")
        \(extra)
        """
    }

    static func toolNames(_ client: MCPTestClient, token: String, session: String) async throws -> Set<String> {
        let reply = try await client.send(body: MCPTestClient.request(90, "tools/list"), token: token, session: session)
        let tools = try #require(reply.result?["tools"] as? [[String: Any]], "\(reply.status) \(reply.body)")
        return Set(tools.compactMap { $0["name"] as? String })
    }

    @Test func sighupAppliesAnEditRefusesABrokenOneAndKeepsCallsInFlight() async throws {
        let slow = try CCompiler.fixture("slow3000", "FIXTURE_DELAY_MS=3000", "FIXTURE_TOOL_NAME=\"SLOW\"")
        let folder = TestPaths.scratch("reload-sighup")
        let file = folder + "/config.yaml"
        try Self.config(slow: slow, proxy: false).write(toFile: file, atomically: true, encoding: .utf8)
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            ["--config", file, "--sandbox"],
            environment: ["PORT": "\(port)", "SIGNING_KEY": try TestKeys.privateKeyPEM()], directory: folder)
        let log = ChildLog(child)
        try await log.wait(for: "listening on")

        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        let token = try await TestTokens.sign(sub: "alice")
        let session = try await client.initialize(token: token)
        let stream = try await client.events(path: "/mcp", token: token, session: session)
        defer { stream.cancel() }
        var events = stream.events.filter { $0.1.contains("list_changed") }.makeAsyncIterator()
        // A 2026-07-28 client listening beside the session.
        let listen = try await StatelessClient(client: client, token: token).listen()
        defer { listen.cancel() }
        var heard = listen.events.filter { $0.1.contains("list_changed") }.makeAsyncIterator()
        #expect(try await Self.toolNames(client, token: token, session: session) == ["SLOW"])

        // Turn the proxy tool on while a call is in flight.
        let inFlight = Task {
            try await client.send(body: MCPTestClient.call(5, "SLOW"), token: token, session: session)
        }
        try await Task.sleep(for: .milliseconds(300))
        try Self.config(slow: slow, proxy: true).write(toFile: file, atomically: true, encoding: .utf8)
        child.signal(SIGHUP)
        #expect(try await events.next() != nil, "the open session is told its tools changed")
        #expect(
            try await heard.next()?.1.contains(#""io.modelcontextprotocol/subscriptionId":"listen-1""#) == true,
            "the listen stream is told, tagged with its subscription id")
        #expect(try await Self.toolNames(client, token: token, session: session) == ["SLOW", "CALL_API_REQUEST"])
        let call = try await inFlight.value
        #expect(call.status == 200 && call.result != nil && call.result?["isError"] == nil, "\(call.body)")

        // A broken edit: refused with the same precise error as at start; nothing changes.
        let broken = Self.config(slow: slow, proxy: false, extra: "reload: {wach: true}")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let line =
            try #require(
                broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("reload:") })
            + 1
        child.signal(SIGHUP)
        try await log.wait(for: "reload refused")
        #expect(log.text.contains("config.yaml:\(line):"), "\(log.text)")
        #expect(log.text.contains("reload.wach"))
        #expect(try await Self.toolNames(client, token: token, session: session) == ["SLOW", "CALL_API_REQUEST"])

        // A provider removed: its tools go; its library stays loaded (never unloaded).
        try Self.config(slow: nil, proxy: true).write(toFile: file, atomically: true, encoding: .utf8)
        child.signal(SIGHUP)
        #expect(try await events.next() != nil)
        #expect(try await Self.toolNames(client, token: token, session: session) == ["CALL_API_REQUEST"])
        // Read to the end with cat: /proc files have no size, and a single read may stop short.
        let maps = try await Subprocess.runAsync("/bin/cat", ["/proc/\(child.process.processIdentifier)/maps"]).stdout
        #expect(
            maps.contains("/" + (slow as NSString).lastPathComponent),
            "\(slow) \(maps.split(separator: "\n").filter { $0.contains(".so") && !$0.contains("/usr/") })")

        let metrics = try await MetricsScrape.read(client)
        #expect(metrics[#"paragon_mcp_config_reloads_total{outcome="success"}"#] == 2)
        #expect(metrics[#"paragon_mcp_config_reloads_total{outcome="failure"}"#] == 1)
        #expect(metrics["paragon_mcp_providers_loaded"] == 1)
        #expect(try await log.stop() == 0, "\(log.text)")
    }

    @Test func watchedEditsReloadWithoutASignalAndMetricsCanHaveTheirOwnPort() async throws {
        let folder = TestPaths.scratch("reload-watch")
        let file = folder + "/config.yaml"
        let watch = "reload: {watch: true, interval_ms: 200}"
        try Self.config(slow: try CCompiler.example(), proxy: false, extra: watch).write(
            toFile: file, atomically: true, encoding: .utf8)
        let port = try TestServer.freePort(), metricsPort = try TestServer.freePort()
        let child = try ChildProcess(
            ["--config", file, "--sandbox"],
            environment: ["PORT": "\(port)", "METRICS_PORT": "\(metricsPort)"], directory: folder)
        let log = ChildLog(child)
        try await log.wait(for: "listening on")
        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        let session = try await client.initialize(token: nil, path: "/mcp?user=alice")
        func tools() async throws -> String {
            try await client.send(
                path: "/mcp?user=alice", body: MCPTestClient.request(2, "tools/list"), session: session
            )
            .body
        }
        #expect(try await tools().contains("EXAMPLE_ECHO"))
        try Self.config(slow: try CCompiler.example(), proxy: true, extra: watch).write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(try await eventually(within: .seconds(30)) { try await tools().contains("CALL_API_REQUEST") })

        #expect(try await client.send(.GET, path: "/metrics").status == 404, "not on the main port")
        let metrics = try await MetricsScrape.read(MCPTestClient(base: "http://127.0.0.1:\(metricsPort)"))
        #expect(metrics[#"paragon_mcp_config_reloads_total{outcome="success"}"#] == 1)
        #expect(try await log.stop() == 0)
    }
}
