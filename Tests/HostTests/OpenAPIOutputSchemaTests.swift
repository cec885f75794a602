import Foundation
import Testing

/// `providers.openapi.config.output_schema: true` end to end: the real OpenAPI `.so` lists
/// success response schemas as output schemas, and the host sends structured content only when
/// it conforms (the sandbox's proxy answers).
@Suite struct OpenAPIOutputSchemaTests {
    static let folder = TestPaths.packageRoot + "/Tests/HostTests/Fixtures/openapi-output"

    static func withServer(
        config: String, _ body: @Sendable (MCPTestClient) async throws -> Void
    ) async throws {
        try await TestSandbox.with { sandbox in
            try await TestServer.with(
                environment: [
                    "PROJECT_ID": "sandbox-project", "ZEUS_BASE_URL": sandbox.base, "PROXY_BASE_URL": sandbox.base,
                ],
                providers: [
                    ("openapi", TestPaths.buildDirectory + "/libOpenAPICustom.so", "enabled: true\nconfig:\n" + config)
                ]
            ) { server in try await body(MCPTestClient(base: server.base)) }
        }
    }

    /// A session of `version` for alice, and its tools by name.
    static func session(
        _ client: MCPTestClient, version: String
    ) async throws -> (session: String, tools: [String: [String: Any]]) {
        let alice = try await TestTokens.sign(sub: "alice")
        let reply = try await client.send(body: MCPTestClient.initializeBody(version: version), token: alice)
        let session = try #require(reply.headers.first(name: "Mcp-Session-Id"), "\(reply.body)")
        let list = try await client.send(body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
        let tools = try #require(list.result?["tools"] as? [[String: Any]], "\(list.body)")
        return (session, Dictionary(uniqueKeysWithValues: tools.map { ($0["name"] as! String, $0) }))
    }

    static func call(_ client: MCPTestClient, _ session: String, _ tool: String) async throws -> [String: Any] {
        let alice = try await TestTokens.sign(sub: "alice")
        let reply = try await client.send(body: MCPTestClient.call(3, tool), token: alice, session: session)
        return try #require(reply.result, "\(reply.body)")
    }

    @Test func objectResponsesAreOutputSchemasAndOnlyConformingAnswersAreStructured() async throws {
        try await Self.withServer(config: "  folder: \(Self.folder)\n  output_schema: true") { client in
            let (current, tools) = try await Self.session(client, version: "2025-06-18")
            let status = try #require(tools["GITHUB_GET_STATUS"]?["outputSchema"] as? [String: Any])
            #expect(status["type"] as? String == "object")
            #expect(Set(status["required"] as? [String] ?? []) == ["ok", "method", "url"])
            #expect(tools["GITHUB_GET_REPOSITORY"]?["outputSchema"] != nil)
            #expect(
                tools["GITHUB_LIST_REPOSITORIES"] != nil && tools["GITHUB_LIST_REPOSITORIES"]?["outputSchema"] == nil)

            // The sandbox's proxy describes the request: what GET /status promises.
            let conforming = try await Self.call(client, current, "GITHUB_GET_STATUS")
            #expect(conforming["isError"] == nil)
            #expect((conforming["structuredContent"] as? [String: Any])?["method"] as? String == "GET")

            // GET /repository promises {id, full_name}: the same answer goes as text only.
            let wrong = try await Self.call(client, current, "GITHUB_GET_REPOSITORY")
            #expect(wrong["structuredContent"] == nil)
            #expect(wrong["isError"] as? Bool == true)
            let texts = (wrong["content"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? []
            #expect(texts.first?.contains(#""ok":true"#) == true, "the answer itself: \(texts)")
            #expect(texts.last?.contains("does not match the tool's output schema") == true, "\(texts)")

            // 2025-03-26 knows no output schemas: none listed, and the answer is as it was.
            let (older, olderTools) = try await Self.session(client, version: "2025-03-26")
            #expect(olderTools["GITHUB_GET_STATUS"] != nil && olderTools["GITHUB_GET_STATUS"]?["outputSchema"] == nil)
            let plain = try await Self.call(client, older, "GITHUB_GET_REPOSITORY")
            #expect(plain["isError"] == nil && plain["structuredContent"] == nil)
            #expect((plain["content"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func offByDefault() async throws {
        try await Self.withServer(config: "  folder: \(Self.folder)") { client in
            let (session, tools) = try await Self.session(client, version: "2025-06-18")
            #expect(tools.count == 3 && tools.values.allSatisfy { $0["outputSchema"] == nil })
            // Without an output schema, an object answer is structured content as it always was.
            let answer = try await Self.call(client, session, "GITHUB_GET_REPOSITORY")
            #expect(answer["isError"] == nil && answer["structuredContent"] != nil)
        }
    }
}
