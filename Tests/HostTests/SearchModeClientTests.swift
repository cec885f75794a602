import Foundation
import Sandbox
import Testing

extension ExternalClients {
    /// Search mode through the official Python SDK (`search_client.py`) against ActionKit tools
    /// of the sandbox's synthetic catalog (130 × 20 = 2,600 tools, the size of Paragon's).
    @Suite struct SearchModeClientTests {
        static let task = "post a message in the #general channel of Slack"
        static let tool = "SLACK_SEND_MESSAGE"
        static let arguments = ##"{"channel":"#general","text":"hello from search"}"##

        /// Runs `search_client.py` with `arguments` against `server`; returns its summary.
        static func client(
            _ server: TestServer, path: String = "/mcp", token: String, _ arguments: [String]
        ) async throws -> [String: Any] {
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/search_client.py"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env",
                ["timeout", "120", "python3", script, "--url", server.base + path, "--token", token] + arguments,
                environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0, "python client failed: \(result.stderr)")
            return try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        }

        @Test func aPlainLanguageTaskFindsItsToolWhichCallToolRunsUpstream() async throws {
            let catalog = SandboxCatalog.synthetic(integrations: 130, actionsPerIntegration: 20)
            try await TestStack.withActionKit(
                environment: ["TOOLS_MODE": "search"], catalog: catalog, zeusOnSandbox: true
            ) { sandbox, server, _ in
                let token = try await TestTokens.sign(sub: try #require(catalog.users.first?.id))
                sandbox.sandbox.requests.clear()
                let summary = try await Self.client(
                    server, token: token, ["--search", Self.task, "--call", Self.tool, "--arguments", Self.arguments])
                #expect(summary["tools"] as? [String] == ["SEARCH_TOOLS", "CALL_TOOL", "LIST_INTEGRATIONS"])
                let found = summary["found"] as? [String] ?? []
                #expect(found.prefix(5).contains(Self.tool), "\(found)")
                // Everyone has everything connected in the synthetic catalog (Paragon's user record says so).
                #expect((summary["connected"] as? [Bool])?.allSatisfy { $0 } == true, "\(summary)")
                let call = summary["call"] as? [String: Any]
                #expect(call?["isError"] as? Bool == false, "\(summary)")
                let ran = sandbox.sandbox.requests.all.filter { $0.method == "POST" && $0.body.contains(Self.tool) }
                #expect(ran.count == 1, "the action did not reach ActionKit once")
            }
        }

        @Test func aToolTheLimitsHideIsNeitherFoundNorCalled() async throws {
            let catalog = SandboxCatalog.synthetic(integrations: 130, actionsPerIntegration: 20)
            let allowed = catalog.integrations.prefix(3).flatMap { $0.actions.map(\.name) }.filter { $0 != Self.tool }
            let environment = ["TOOLS_MODE": "search", "LIMIT_TO_TOOLS": allowed.joined(separator: ",")]
            try await TestStack.withActionKit(environment: environment, catalog: catalog) { sandbox, server, _ in
                let token = try await TestTokens.sign(sub: try #require(catalog.users.first?.id))
                sandbox.sandbox.requests.clear()
                let summary = try await Self.client(
                    server, token: token,
                    [
                        "--search", Self.task, "--limit", "20", "--call", Self.tool, "--direct-call", Self.tool,
                        "--arguments", Self.arguments,
                    ])
                #expect((summary["found"] as? [String])?.contains(Self.tool) == false, "\(summary)")
                // Through CALL_TOOL a tool error the model reads; by its own name a protocol error.
                #expect((summary["call"] as? [String: Any])?["isError"] as? Bool == true, "\(summary)")
                #expect((summary["directCallError"] as? [String: Any])?["code"] as? Int == -32602, "\(summary)")
                #expect(sandbox.sandbox.requests.all.allSatisfy { !$0.body.contains(Self.tool) })
            }
        }

        /// `auto` (the default): Cursor takes 40 tools, so 300 are searched and 30 listed.
        @Test(arguments: [(15, 20, true), (3, 10, false)])
        func autoServesSearchToCursorOnlyWhenItsListIsTooLong(integrations: Int, actions: Int, searched: Bool)
            async throws
        {
            let catalog = SandboxCatalog.synthetic(integrations: integrations, actionsPerIntegration: actions)
            try await TestStack.withActionKit(catalog: catalog) { _, server, _ in
                let token = try await TestTokens.sign(sub: try #require(catalog.users.first?.id))
                let summary = try await Self.client(server, token: token, ["--client-name", "cursor-vscode"])
                let tools = summary["tools"] as? [String] ?? []
                if searched {
                    #expect(tools == ["SEARCH_TOOLS", "CALL_TOOL", "LIST_INTEGRATIONS"])
                } else {
                    #expect(tools.count == integrations * actions)
                }
            }
        }

        /// At 2026-07-28 the list depends on the credentials and the URL only: `?tools=search`
        /// asks for search mode, and without it `auto` lists 30 tools to whatever client.
        @Test(arguments: ["/mcp?tools=search", "/mcp"])
        func theURLChoosesSearchModeAt20260728(path: String) async throws {
            let catalog = SandboxCatalog.synthetic(integrations: 3, actionsPerIntegration: 10)
            try await TestStack.withActionKit(catalog: catalog) { _, server, _ in
                let token = try await TestTokens.sign(sub: try #require(catalog.users.first?.id))
                let summary = try await Self.client(
                    server, path: path, token: token, ["--mode", "2026-07-28", "--client-name", "cursor-vscode"])
                #expect(summary["protocolVersion"] as? String == "2026-07-28")
                let tools = summary["tools"] as? [String] ?? []
                if path.contains("search") {
                    #expect(tools == ["SEARCH_TOOLS", "CALL_TOOL", "LIST_INTEGRATIONS"])
                } else {
                    #expect(tools.count == 30)
                }
            }
        }

        /// Titles and annotations reach a 2025-06-18 client; a 2024-11-05 client gets neither.
        @Test(arguments: [("2025-06-18", true), ("2024-11-05", false)])
        func toolsDescribeThemselvesFrom20250618(version: String, described: Bool) async throws {
            let catalog = SandboxCatalog.synthetic(integrations: 2, actionsPerIntegration: 20)
            try await TestStack.withActionKit(catalog: catalog) { _, server, _ in
                let token = try await TestTokens.sign(sub: try #require(catalog.users.first?.id))
                let summary = try await Self.client(server, token: token, ["--handshake-version", version])
                #expect(summary["protocolVersion"] as? String == version)
                #expect((summary["tools"] as? [String])?.count == 40)
                #expect(summary["titled"] as? Int == (described ? 40 : 0))
                #expect(summary["annotated"] as? Int == (described ? 40 : 0))
            }
        }
    }
}
