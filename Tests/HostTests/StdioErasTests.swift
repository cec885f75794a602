import Foundation
import Testing

extension ExternalClients {
    /// stdio in both eras: the first request decides the process's era (MCP 2026-07-28, stdio).
    @Suite struct StdioErasTests {
        static func config() throws -> String {
            let file = TestPaths.scratch("stdio-eras") + "/config.yaml"
            try "providers:\n  actionkit: {enabled: false}\n  example: {library: \(try CCompiler.example())}\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            return file
        }

        /// The official Python SDK's stdio client in each of its modes.
        @Test(arguments: [("auto", "2026-07-28"), ("legacy", "2025-11-25"), ("2026-07-28", "2026-07-28")])
        func thePythonSDKSpeaksEitherEraOverStdio(mode: String, expected: String) async throws {
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/stdio_client.py"
            var environment = ProcessInfo.processInfo.environment
            environment["NODE_ENV"] = "development"
            environment["PORT"] = "\(try TestServer.freePort())"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env",
                [
                    "timeout", "60", "python3", script, "--mode", mode, "--call", "EXAMPLE_ECHO", "--arguments",
                    #"{"text":"piped"}"#, "--", TestPaths.executable, "stdio", "--config", try Self.config(), "--user",
                    "alice",
                ], environment: environment)
            #expect(result.status == 0, "stdio client failed: \(result.stderr)")
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
            #expect(summary["protocolVersion"] as? String == expected)
            #expect(summary["tools"] as? [String] == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
            let call = summary["call"] as? [String: Any]
            #expect(((call?["content"] as? [[String: Any]])?.first?["text"] as? String) == "piped")
        }

        /// By hand: a 2026-07-28 first request makes every later one a single exchange: results
        /// stamped, `initialize` unknown, envelopes checked, a listen acknowledged and ended by its
        /// cancellation; no untagged notification on stdout.
        @Test func aModernFirstRequestDecidesTheStatelessEra() async throws {
            let child = try ChildProcess(
                ["stdio", "--config", try Self.config(), "--user", "alice"],
                environment: ["NODE_ENV": "development", "PORT": "\(try TestServer.freePort())"])
            let modern = StatelessClient(client: MCPTestClient(base: ""), token: nil)
            child.write(modern.body("1", "tools/list") + "\n")
            child.write(
                modern.body(#""l1""#, "subscriptions/listen", #""notifications":{"toolsListChanged":true}"#) + "\n")
            child.write(modern.body("2", "initialize") + "\n")
            child.write(#"{"jsonrpc":"2.0","id":3,"method":"tools/list","params":{}}"# + "\n")
            child.write(modern.body("4", "tools/call", #""name":"EXAMPLE_ECHO","arguments":{"text":"modern"}"#) + "\n")
            child.write(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"l1"}}"# + "\n")
            try await Task.sleep(for: .milliseconds(500))
            child.closeInput()
            let (status, stdout, stderr) = try await child.finish()
            #expect(status == 0, "\(stderr)")
            let objects = stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            func answer(_ id: Int) -> [String: Any]? { objects.first { $0["id"] as? Int == id } }
            #expect((answer(1)?["result"] as? [String: Any])?["resultType"] as? String == "complete")
            #expect((answer(1)?["result"] as? [String: Any])?["ttlMs"] != nil)
            #expect((answer(2)?["error"] as? [String: Any])?["code"] as? Int == -32601)
            #expect((answer(3)?["error"] as? [String: Any])?["code"] as? Int == -32602)
            #expect(stdout.contains(#""text":"modern""#))
            let ack = objects.first { $0["method"] as? String == "notifications/subscriptions/acknowledged" }
            #expect(
                ((ack?["params"] as? [String: Any])?["_meta"] as? [String: Any])?[
                    "io.modelcontextprotocol/subscriptionId"]
                    as? String == "l1")
            #expect(
                objects.count == 5, "four answers and the acknowledgement; none for the cancelled listen: \(stdout)")
        }

        /// A listen that is the last thing read ends with the input: the process exits.
        @Test func aListenEndsWithTheInput() async throws {
            let child = try ChildProcess(
                ["stdio", "--config", try Self.config(), "--user", "alice"],
                environment: ["NODE_ENV": "development", "PORT": "\(try TestServer.freePort())"])
            let modern = StatelessClient(client: MCPTestClient(base: ""), token: nil)
            child.write(
                modern.body(#""l2""#, "subscriptions/listen", #""notifications":{"toolsListChanged":true}"#) + "\n")
            child.closeInput()
            let (status, stdout, stderr) = try await child.finish()
            #expect(status == 0, "\(stderr)")
            #expect(stdout.contains("notifications/subscriptions/acknowledged"))
        }
    }
}
