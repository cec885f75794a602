import Foundation
import Testing

extension ExternalClients {
    /// One full session driven by an independent MCP client: the official Python SDK (PyPI `mcp`),
    /// listing and calling a tool of the C example provider, over each HTTP transport.
    @Suite struct PythonClientTests {
        /// Runs `python_session.py` against `url` (`token` "-" for none); returns its summary.
        static func session(_ url: String, token: String, transport: String) async throws -> [String: Any] {
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/python_session.py"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env", ["timeout", "60", "python3", script, url, token, transport],
                environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0, "python client failed (pip install mcp?): \(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        @Test(arguments: ["streamable", "sse"])
        func thePythonSDKListsAndCalls(transport: String) async throws {
            try await TestServer.with { server in
                let token = try await TestTokens.sign(sub: "python-user")
                let path = transport == "sse" ? "/sse" : "/mcp"
                let summary = try await Self.session(server.base + path, token: token, transport: transport)
                #expect(summary["tools"] as? [String] == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
                #expect(summary["text"] as? String == "from python")
                #expect(summary["isError"] as? Bool == false)
                #expect(summary["protocolVersion"] as? String == "2025-11-25")
            }
        }

        /// README's development recipes, as a standard client follows them: the user in the URL, no
        /// token; over legacy SSE the announced endpoint must authenticate as the stream did.
        @Test(arguments: ["streamable", "sse"])
        func theDevelopmentRecipesWork(transport: String) async throws {
            try await TestServer.with(environment: ["NODE_ENV": "development"]) { server in
                let path = transport == "sse" ? "/sse?user=alice" : "/mcp?user=alice"
                let summary = try await Self.session(server.base + path, token: "-", transport: transport)
                #expect(summary["text"] as? String == "from python")
            }
        }

        /// Behind a reverse proxy that mounts the server under a path prefix (nginx, `/paragon/`),
        /// both transports work for the official client: the legacy endpoint it is told resolves
        /// under the prefix.
        @Test(arguments: ["streamable", "sse"])
        func behindAProxyUnderAPathPrefix(transport: String) async throws {
            try await TestServer.with(environment: ["NODE_ENV": "development"]) { server in
                try await TestNginx.with(prefix: "/paragon", upstream: server.base) { proxy in
                    let path = transport == "sse" ? "/paragon/sse?user=alice" : "/paragon/mcp?user=alice"
                    let summary = try await Self.session(proxy.base + path, token: "-", transport: transport)
                    #expect(summary["text"] as? String == "from python")
                }
            }
        }
    }
}
