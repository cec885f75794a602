import Foundation
import JSONCore
import Testing

/// `CALL_API_REQUEST` (its real `.so`) against the sandbox: exact proxy requests, and every
/// guard rail refusing before anything goes upstream.
@Suite struct ProxyAPITests {
    static let proxyPath = "/projects/sandbox-project/sdk/proxy/"

    static func withProxy(
        config: String = "", environment: [String: String] = [:],
        _ body: @Sendable (TestSandbox, MCPTestClient) async throws -> Void
    ) async throws {
        try await TestSandbox.with { sandbox in
            var env = ["PROJECT_ID": "sandbox-project", "ZEUS_BASE_URL": sandbox.base, "PROXY_BASE_URL": sandbox.base]
            env.merge(environment) { _, new in new }
            let extra = "enabled: true" + (config.isEmpty ? "" : "\nconfig:\n" + config)
            try await TestServer.with(
                environment: env, providers: [("proxy", TestPaths.buildDirectory + "/libProxyAPI.so", extra)]
            ) { server in
                try await body(sandbox, MCPTestClient(base: server.base))
            }
        }
    }

    static func call(_ arguments: String) -> String { MCPTestClient.call(3, "CALL_API_REQUEST", arguments) }

    static func session(_ client: MCPTestClient, _ user: String) async throws -> (String, String) {
        let token = try await TestTokens.sign(sub: user)
        return (token, try await client.initialize(token: token))
    }

    static func listedTool(_ client: MCPTestClient, token: String, session: String) async throws -> [String: Any]? {
        let list = try await client.send(body: MCPTestClient.request(2, "tools/list"), token: token, session: session)
        return (list.result?["tools"] as? [[String: Any]])?.first { $0["name"] as? String == "CALL_API_REQUEST" }
    }

    static func integrationEnum(_ tool: [String: Any]?) -> [String]? {
        (((tool?["inputSchema"] as? [String: Any])?["properties"] as? [String: Any])?["integration"]
            as? [String: Any])?["enum"] as? [String]
    }

    @Test func theIntegrationEnumFollowsTheProjectAndTheLimit() async throws {
        try await Self.withProxy { _, client in
            let (token, session) = try await Self.session(client, "alice")
            let tool = try await Self.listedTool(client, token: token, session: session)
            #expect(
                Set(Self.integrationEnum(tool) ?? []) == [
                    "slack", "googleCalendar", "salesforce", "hubspot", "notion", "github", "custom.spotify",
                ])
        }
        try await Self.withProxy(environment: ["LIMIT_TO_INTEGRATIONS": "github,slack"]) { sandbox, client in
            let (token, session) = try await Self.session(client, "alice")
            let tool = try await Self.listedTool(client, token: token, session: session)
            #expect(tool != nil, "the limit narrows the enum; it does not hide the tool")
            #expect(Set(Self.integrationEnum(tool) ?? []) == ["github", "slack"])
            sandbox.sandbox.requests.clear()
            let outside = try await client.send(
                body: Self.call(
                    #"{"integration":"notion","url":"https://api.notion.com/v1/search","httpMethod":"POST"}"#),
                token: token, session: session)
            #expect(outside.result?["isError"] as? Bool == true)
            #expect(sandbox.sandbox.requests.matching(Self.proxyPath).isEmpty)
        }
        try await Self.withProxy(environment: ["LIMIT_TO_TOOLS": "SOMETHING_ELSE"]) { _, client in
            let (token, session) = try await Self.session(client, "alice")
            #expect(try await Self.listedTool(client, token: token, session: session) == nil)
        }
    }

    @Test func eachMethodGoesThroughTheProxyExactly() async throws {
        try await Self.withProxy { sandbox, client in
            let (token, session) = try await Self.session(client, "alice")
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
                sandbox.sandbox.requests.clear()
                let reply = try await client.send(
                    body: Self.call(
                        #"{"integration":"github","url":"https://api.github.com/repos/o/r/issues#top","httpMethod":"\#(method)","queryParams":{"state":"open","labels":"a b&c","per_page":5},"headers":{"X-Request-Id":"r1"},"body":{"title":"x"}}"#
                    ), token: token, session: session)
                let text = try #require(TestStack.text(of: reply.result), "\(reply.body)")
                #expect(reply.result?["isError"] == nil && text.hasPrefix("HTTP 200\n\n"), "\(method): \(text)")
                let sent = try #require(sandbox.sandbox.requests.matching(Self.proxyPath).last)
                #expect(sent.method == method && sent.path == Self.proxyPath + "github")
                // The fragment is the client's: never sent, and the query is not put after it.
                #expect(
                    sent.headers["x-paragon-proxy-url"]
                        == "https://api.github.com/repos/o/r/issues?labels=a%20b%26c&per_page=5&state=open")
                #expect(sent.headers["content-type"] == "application/json")
                #expect(sent.headers["authorization"] == "Bearer \(token)")
                #expect(sent.headers["x-request-id"] == "r1")
                #expect(sent.headers["x-paragon-use-slack-token-type"] == nil)
                #expect(method == "GET" ? sent.body.isEmpty : sent.json == ["title": "x"], "\(method): \(sent.body)")
                // The body as the upstream sent it, not encoded a second time.
                #expect(text.contains(#""method":"\#(method)""#))
            }
        }
    }

    @Test func slackGetsTheUserTokenHeaderAndUnconnectedAccountsASetupLink() async throws {
        try await Self.withProxy { sandbox, client in
            let (token, session) = try await Self.session(client, "alice")
            let sent = try await client.send(
                body: Self.call(
                    ##"{"integration":"slack","url":"https://slack.com/api/chat.postMessage","httpMethod":"POST","body":{"channel":"#general","text":"via proxy"}}"##
                ), token: token, session: session)
            #expect(TestStack.text(of: sent.result)?.contains("via proxy") == true, "\(sent.body)")
            let request = try #require(sandbox.sandbox.requests.matching(Self.proxyPath).last)
            #expect(request.headers["x-paragon-use-slack-token-type"] == "user")

            let (carolToken, carolSession) = try await Self.session(client, "carol")
            let refused = try await client.send(
                body: Self.call(
                    #"{"integration":"github","url":"https://api.github.com/user/issues","httpMethod":"GET"}"#),
                token: carolToken, session: carolSession)
            #expect(refused.result?["isError"] == nil)
            #expect(TestStack.text(of: refused.result)?.contains("[Connect GitHub](") == true, "\(refused.body)")
        }
    }

    @Test func guardRailsRefuseBeforeAnyRequest() async throws {
        let config = """
              allowed_methods: [GET, POST]
              allowed_url_prefixes: {github: ["https://api.github.com/repos/"], slack: ["https://slack.com/api"]}
            """
        try await Self.withProxy(config: config) { sandbox, client in
            let (token, session) = try await Self.session(client, "alice")
            let refused: [(String, String)] = [
                (#""headers":{"Authorization":"Bearer x"}"#, "header Authorization"),
                (#""headers":{"x-paragon-proxy-url":"https://evil.example"}"#, "header x-paragon-proxy-url"),
                (#""headers":{"Host":"evil.example"}"#, "header Host"),
                (#""headers":{"Cookie":"a=b"}"#, "header Cookie"),
                (#""headers":{"Content-Length":"1"}"#, "header Content-Length"),
                (#""headers":{"Transfer-Encoding":"chunked"}"#, "header Transfer-Encoding"),
                (#""headers":{"X-Note":"a\r\nX-Evil: 1"}"#, "header X-Note has a line break"),
            ]
            let good = #""integration":"github","url":"https://api.github.com/repos/o/r","httpMethod":"GET""#
            var cases = refused.map { ("{\(good),\($0.0)}", $0.1) }
            cases += [
                (#"{"integration":"github","url":"/repos/o/r","httpMethod":"GET"}"#, "absolute http(s) URL"),
                (#"{"integration":"github","url":"file:///etc/passwd","httpMethod":"GET"}"#, "absolute http(s) URL"),
                (
                    #"{"integration":"github","url":"https://u:p@api.github.com/repos/o/r","httpMethod":"GET"}"#,
                    "credentials"
                ),
                (
                    #"{"integration":"github","url":"https://api.github.com/user","httpMethod":"GET"}"#,
                    "outside what this server allows"
                ),
                (
                    #"{"integration":"github","url":"https://api.github.com/repos/o/r","httpMethod":"DELETE"}"#,
                    "/httpMethod: must be one of"
                ),
                // Dot segments, as written or encoded, would leave the prefix once resolved.
                (
                    #"{"integration":"github","url":"https://api.github.com/repos/o/../../user/keys","httpMethod":"GET"}"#,
                    "path segment `..`"
                ),
                (
                    #"{"integration":"github","url":"https://api.github.com/repos/%2e%2e/user","httpMethod":"GET"}"#,
                    "path segment `%2e%2e`"
                ),
                // A prefix matches whole segments: `/api` does not admit `/apix`.
                (
                    #"{"integration":"slack","url":"https://slack.com/apix/admin.users.list","httpMethod":"GET"}"#,
                    "outside what this server allows for slack"
                ),
            ]
            sandbox.sandbox.requests.clear()
            // The same on 2026-07-28's single-exchange path.
            let modern = StatelessClient(client: client, token: token)
            for (arguments, expected) in cases {
                let reply = try await client.send(body: Self.call(arguments), token: token, session: session)
                #expect(reply.result?["isError"] as? Bool == true, "\(arguments)")
                #expect(TestStack.text(of: reply.result)?.contains(expected) == true, "\(arguments): \(reply.body)")
                let single = try await modern.call("CALL_API_REQUEST", arguments: arguments)
                #expect(single.result?["isError"] as? Bool == true, "2026-07-28: \(arguments)")
                #expect(TestStack.text(of: single.result)?.contains(expected) == true, "2026-07-28: \(single.body)")
            }
            #expect(sandbox.sandbox.requests.matching(Self.proxyPath).isEmpty, "nothing went upstream")
            let allowed = try await client.send(body: Self.call("{\(good)}"), token: token, session: session)
            #expect(allowed.result?["isError"] == nil, "\(allowed.body)")
        }
    }

    /// A text answer in another charset than UTF-8 reaches the agent as the text it is.
    @Test func aTextAnswerIsDecodedByItsCharset() async throws {
        try await Self.withProxy { _, client in
            let (token, session) = try await Self.session(client, "alice")
            let reply = try await client.send(
                body: Self.call(
                    #"{"integration":"github","url":"https://api.github.com/repos/octocat/hello-world/legacy-notes.txt","httpMethod":"GET"}"#
                ), token: token, session: session)
            #expect(TestStack.text(of: reply.result) == "HTTP 200\n\nCafé crème à la française\n", "\(reply.body)")
        }
    }

    /// A transport failure says which service could not be reached, then the host's reason;
    /// the provider adds nothing else.
    @Test func anUnreachableProxySaysSo() async throws {
        try await Self.withProxy { sandbox, client in
            let (token, session) = try await Self.session(client, "alice")
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"proxy","kind":"connectionReset"}"#)
            let reply = try await client.send(
                body: Self.call(#"{"integration":"github","url":"https://api.github.com/user","httpMethod":"GET"}"#),
                token: token, session: session)
            #expect(reply.result?["isError"] as? Bool == true)
            let text = try #require(TestStack.text(of: reply.result), "\(reply.body)")
            #expect(text.contains("Upstream request failed: the Paragon Proxy API could not be reached: "), "\(text)")
            #expect(text.components(separatedBy: "could not be reached").count == 2, "\(text)")
        }
    }

    @Test func aLargeResponseIsCutAtTheCap() async throws {
        try await Self.withProxy(config: "  max_response_bytes: 1000") { _, client in
            let (token, session) = try await Self.session(client, "alice")
            let big = String(repeating: "é", count: 3000)
            let reply = try await client.send(
                body: Self.call(
                    #"{"integration":"github","url":"https://api.github.com/gists","httpMethod":"POST","body":{"content":"\#(big)"}}"#
                ), token: token, session: session)
            let text = try #require(TestStack.text(of: reply.result), "\(reply.body)")
            #expect(text.contains("[response cut at 1000 of "))
            #expect(text.utf8.count < 1200)
        }
    }
}
