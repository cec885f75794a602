import Foundation
import Testing

extension ExternalClients {
    /// Cluster mode as operators run it: instances sharing one PostgreSQL behind nginx
    /// round-robin (no sticky routing), driven by the official Python SDK
    /// (`Clients/cluster_client.py`) in both protocol eras.
    @Suite(.serialized) struct ClusterProxyTests {
        /// Runs `cluster_client.py` with `arguments`; returns its result (its last stdout line).
        static func client(_ arguments: [String], limit: Int = 90) async throws -> [String: Any] {
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/cluster_client.py"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env", ["timeout", "\(limit)", "python3", script] + arguments,
                environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0, "cluster client failed: \(result.stderr)")
            let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
            return try #require(
                try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any], "\(result.stderr)")
        }

        /// Two in-process instances on one database behind nginx round-robin.
        static func withCluster(
            _ body: @Sendable (TestNginx, [TestServer], TestPostgres) async throws -> Void
        ) async throws {
            try await TestPostgres.with { postgres in
                let environment = ["DATABASE_URL": try await postgres.database()]
                try await TestServer.with(environment: environment) { a in
                    try await TestServer.with(environment: environment) { b in
                        try await TestNginx.with(roundRobin: [a.base, b.base]) { proxy in
                            try await body(proxy, [a, b], postgres)
                        }
                    }
                }
            }
        }

        static let echo = ["--tool", "EXAMPLE_ECHO", "--arguments", #"{"text":"hi"}"#]

        @Test(arguments: ["handshake", "stateless"])
        func aSessionsRequestsAlternateBetweenInstancesAndAllSucceed(era: String) async throws {
            try await Self.withCluster { proxy, instances, _ in
                let alice = try await TestTokens.sign(sub: "alice")
                let result = try await Self.client(
                    ["--proxy", proxy.base, "--token", alice, "--era", era, "--scenario", "alternate"]
                        + Self.echo)
                #expect(result["succeeded"] as? Int == result["requests"] as? Int, "\(result)")
                #expect((result["upstreams"] as? [String: Int])?.count == 2, "\(result)")
                if era == "handshake" {
                    let takenOver = try await Self.takenOver(instances)
                    #expect(takenOver == 1)
                }
            }
        }

        @Test func deleteThroughTheProxyEndsTheSessionOnEveryInstance() async throws {
            try await Self.withCluster { proxy, instances, _ in
                let alice = try await TestTokens.sign(sub: "alice")
                let result = try await Self.client(
                    ["--proxy", proxy.base, "--token", alice, "--era", "handshake", "--scenario", "delete"]
                        + instances.flatMap { ["--instance", $0.base] })
                #expect(result["before"] as? [Int] == [200, 200], "\(result)")
                #expect((result["delete"] as? [String: Any])?["status"] as? Int == 200, "\(result)")
                #expect(result["after"] as? [Int] == [404, 404], "\(result)")
            }
        }

        @Test(arguments: ["handshake", "stateless"])
        func aSetupCompletedOnOneInstanceReachesAStreamHeldByAnother(era: String) async throws {
            try await Self.withCluster { proxy, instances, _ in
                let alice = try await TestTokens.sign(sub: "alice")
                let ready = TestPaths.scratch("listen-ready") + "/ready"
                async let listened = Self.client([
                    "--proxy", proxy.base, "--token", alice, "--era", era, "--scenario", "listen", "--wait", "30",
                    "--ready-file", ready,
                ])
                #expect(try await eventually(within: .seconds(30)) { FileManager.default.fileExists(atPath: ready) })
                // The setup completes on the instance that does not hold the stream.
                let line = (try? String(contentsOfFile: ready, encoding: .utf8)) ?? ""
                let other = try #require(instances.first { !line.contains(":\($0.port)") })
                let token = try await other.server.setupLinks.token(userID: "alice", integration: "notion")
                let complete = try await MCPTestClient(base: other.base).send(
                    path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
                #expect(complete.status == 200)
                let result = try await listened
                #expect(result["received"] as? Bool == true, "\(result)")
            }
        }

        /// HTTP+SSE (2024-11-05) binds a session to its stream: messages posted to the other
        /// instance are handed to the one holding the stream, and answered on it.
        @Test func aLegacySSESessionWorksWhateverInstanceItsPostsReach() async throws {
            try await Self.withCluster { proxy, instances, _ in
                let alice = try await TestTokens.sign(sub: "alice")
                let summary = try await PythonClientTests.session(proxy.base + "/sse", token: alice, transport: "sse")
                #expect(summary["tools"] as? [String] == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
                #expect(summary["text"] as? String == "from python")
                var relayed = 0.0
                for instance in instances {
                    let metrics = try await MetricsScrape.read(MCPTestClient(base: instance.base))
                    relayed +=
                        metrics[#"paragon_mcp_store_round_trips_total{operation="relay_session_message",outcome="ok"}"#]
                }
                #expect(relayed >= 1, "round-robin sent some posts to the instance without the stream")
            }
        }

        /// The store stopped and started again under load: sessions both instances hold go on
        /// (no call fails), a new session is refused clearly meanwhile, and all recovers.
        @Test func theStoreStoppedAndRestartedUnderLoadBreaksNothingElse() async throws {
            try await Self.withCluster { proxy, instances, postgres in
                let alice = try await TestTokens.sign(sub: "alice")
                let ready = TestPaths.scratch("store-ready") + "/ready"
                async let load = Self.client(
                    [
                        "--proxy", proxy.base, "--token", alice, "--era", "handshake", "--scenario", "load",
                        "--sessions", "4", "--calls", "100", "--pause", "0.05", "--ready-file", ready,
                    ] + Self.echo)
                #expect(try await eventually(within: .seconds(30)) { FileManager.default.fileExists(atPath: ready) })
                // Both instances hold every session before the store goes.
                #expect(try await eventually(within: .seconds(10)) { try await Self.takenOver(instances) == 4 })
                let client = MCPTestClient(base: proxy.base)
                try await postgres.stop()
                let refused = try await client.send(body: MCPTestClient.initializeBody(), token: alice)
                #expect(refused.status == 503 && refused.body.contains("cluster's store does not answer"))
                try await Task.sleep(for: .seconds(1))
                try await postgres.start()
                let result = try await load
                #expect(result["ok"] as? Int == result["calls"] as? Int, "\(result)")
                #expect(result["sessionsLost"] as? Int == 0, "\(result)")
                #expect(
                    try await eventually(within: .seconds(20)) {
                        try await client.send(body: MCPTestClient.initializeBody(), token: alice).status == 200
                    })
            }
        }

        /// One instance killed (SIGKILL) during a load run through the proxy: no session is lost
        /// (their next requests succeed on the other instance), and no call fails that was not
        /// sent to the killed one.
        @Test(arguments: ["handshake", "stateless"])
        func anInstanceKilledUnderLoadLosesNoSession(era: String) async throws {
            try await TestPostgres.with { postgres in
                let url = try await postgres.database()
                let file = TestPaths.scratch("cluster-kill") + "/config.yaml"
                try "providers:\n  actionkit: {enabled: false}\n  example: {library: \(try CCompiler.example())}\n"
                    .write(toFile: file, atomically: true, encoding: .utf8)
                var ports: [Int] = []
                var children: [ChildProcess] = []
                for _ in 0..<2 {
                    let port = try TestServer.freePort()
                    let child = try ChildProcess(
                        ["--config", file],
                        environment: [
                            "PORT": "\(port)", "HOST": "127.0.0.1", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
                            "NODE_ENV": "production", "DATABASE_URL": url,
                        ])
                    try await child.waitForLog("listening on", timeout: .seconds(60))
                    ports.append(port)
                    children.append(child)
                }
                let started = children
                defer { started.forEach { $0.signal(SIGKILL) } }
                try await TestNginx.with(roundRobin: ports.map { "http://127.0.0.1:\($0)" }) { proxy in
                    let alice = try await TestTokens.sign(sub: "alice")
                    let ready = TestPaths.scratch("kill-ready") + "/ready"
                    async let load = Self.client(
                        [
                            "--proxy", proxy.base, "--token", alice, "--era", era, "--scenario", "load",
                            "--sessions", "6", "--calls", "60", "--pause", "0.02", "--ready-file", ready,
                        ] + Self.echo)
                    #expect(
                        try await eventually(within: .seconds(30)) { FileManager.default.fileExists(atPath: ready) })
                    try await Task.sleep(for: .milliseconds(500))
                    started[0].signal(SIGKILL)
                    let result = try await load
                    #expect(result["sessionsLost"] as? Int == 0, "\(result)")
                    #expect(result["allSessionsEndedOk"] as? Bool == true, "\(result)")
                    // Both served (a request nginx moved from the killed instance names both, apart).
                    #expect(
                        (result["upstreams"] as? [String: Int])?.count ?? 0 >= 2,
                        "both served before the kill: \(result)")
                    // At most the call each session had in flight on the killed instance failed.
                    let failed = (result["calls"] as? Int ?? 0) - (result["ok"] as? Int ?? 0)
                    #expect(failed <= 6, "\(result)")
                }
                _ = try? await started[0].finish(timeout: .seconds(5))
            }
        }

        /// Sessions the instances took over from each other, in all.
        static func takenOver(_ instances: [TestServer]) async throws -> Int {
            var total = 0.0
            for instance in instances {
                let metrics = try await MetricsScrape.read(MCPTestClient(base: instance.base))
                total += metrics["paragon_mcp_cluster_sessions_taken_over_total"]
            }
            return Int(total)
        }
    }
}
