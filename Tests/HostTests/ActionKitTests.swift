import Foundation
import NIOHTTP1
import Testing

/// The ActionKit provider, loaded from its .so, against the sandbox through real HTTP and
/// driven over MCP.
@Suite struct ActionKitTests {
    /// A sandbox, and the server with only ActionKit enabled pointed at it.
    func withActionKit(
        _ body: @Sendable (TestSandbox, MCPTestClient) async throws -> Void
    ) async throws {
        try await TestStack.withActionKit { sandbox, _, client in try await body(sandbox, client) }
    }

    @Test func actionsBecomeToolsAndRunAsTheUser() async throws {
        try await withActionKit { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            let list = try await client.send(
                body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
            let tools = try #require(list.result?["tools"] as? [[String: Any]])
            #expect(tools.count == 14)
            #expect(!tools.contains { $0["name"] as? String == "CONNECT_INTEGRATION" }, "only with only_connected")
            let send = try #require(tools.first { $0["name"] as? String == "SLACK_SEND_MESSAGE" })
            #expect((send["inputSchema"] as? [String: Any])?["required"] as? [String] == ["channel", "text"])
            let listing = try #require(sandbox.sandbox.requests.matching("/projects/sandbox-project/actions").first)
            #expect(listing.path.hasSuffix("?limit_to_available=false"))
            #expect(listing.headers["authorization"] == "Bearer \(alice)")

            let call = try await client.send(
                body: MCPTestClient.call(3, "SLACK_SEND_MESSAGE", ##"{"channel":"#general","text":"from MCP"}"##),
                token: alice, session: session)
            let result = try #require(call.result)
            #expect(result["isError"] == nil)
            #expect((result["structuredContent"] as? [String: Any])?["text"] as? String == "from MCP")
            let run = try #require(sandbox.sandbox.requests.all.last { $0.method == "POST" })
            #expect(run.json?["action"] == "SLACK_SEND_MESSAGE")
            #expect(run.json?["parameters"]?["text"] == "from MCP")
        }
    }

    /// Titles from 2025-06-18, annotations from 2025-03-26; a 2024-11-05 client gets neither.
    @Test func toolsDescribeThemselvesByProtocolVersion() async throws {
        try await withActionKit { _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            func send(_ version: String) async throws -> [String: Any] {
                let reply = try await client.send(body: MCPTestClient.initializeBody(version: version), token: alice)
                let session = try #require(reply.headers.first(name: "Mcp-Session-Id"), "\(reply.body)")
                let list = try await client.send(
                    body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
                let tools = try #require(list.result?["tools"] as? [[String: Any]])
                return try #require(tools.first { $0["name"] as? String == "SLACK_SEND_MESSAGE" })
            }
            let current = try await send("2025-06-18")
            #expect(current["title"] as? String == "Slack: Send Message")
            let annotations = try #require(current["annotations"] as? [String: Bool])
            #expect(
                annotations == [
                    "readOnlyHint": false, "destructiveHint": false, "idempotentHint": false, "openWorldHint": true,
                ])
            let march = try await send("2025-03-26")
            #expect(march["title"] == nil && march["annotations"] != nil)
            let old = try await send("2024-11-05")
            #expect(old["title"] == nil && old["annotations"] == nil)
        }
    }

    @Test func anUnconnectedIntegrationAsksTheUserToConnectIt() async throws {
        try await withActionKit { _, client in
            let carol = try await TestTokens.sign(sub: "carol")
            let session = try await client.initialize(token: carol)
            let call = try await client.send(
                body: MCPTestClient.call(2, "GOOGLE_CALENDAR_LIST_EVENTS", "{}"), token: carol, session: session)
            let result = try #require(call.result)
            #expect(result["isError"] == nil)
            let text = try #require((result["content"] as? [[String: Any]])?.first?["text"] as? String)
            // Named as people read it, and by its key.
            #expect(text.contains("Google Calendar (googleCalendar) is not connected"))
            #expect(text.contains("[Connect Google Calendar](http://127.0.0.1:"))
        }
    }

    @Test func upstreamErrorsCarryStatusAndMessage() async throws {
        try await withActionKit { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"SLACK_LIST_CHANNELS","kind":"serverError","value":502}"#)
            let before = sandbox.sandbox.requests.all.filter { $0.method == "POST" }.count
            let call = try await client.send(
                body: MCPTestClient.call(2, "SLACK_LIST_CHANNELS"), token: alice,
                session: session)
            #expect(call.result?["isError"] as? Bool == true)
            #expect(call.body.contains("status: 502"))
            #expect(
                sandbox.sandbox.requests.all.filter { $0.method == "POST" }.count == before + 1,
                "runs are never retried")
        }
    }

    @Test func listingRetriesARateLimitWithinTheDeadline() async throws {
        try await withActionKit { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"list","kind":"rateLimited","value":0,"times":2}"#)
            sandbox.sandbox.requests.clear()
            let list = try await client.send(
                body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
            #expect((list.result?["tools"] as? [Any])?.count == 14)
            #expect(sandbox.sandbox.requests.matching("/projects/sandbox-project/actions").count == 3)
        }
    }
}

/// Arguments are validated at the host against the tool's input schema before any upstream call.
@Suite struct ArgumentValidationTests {
    @Test func invalidArgumentsAreRefusedWithTheirPathsAndNothingGoesUpstream() async throws {
        try await ActionKitTests().withActionKit { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            sandbox.sandbox.requests.clear()
            let call = try await client.send(
                body: MCPTestClient.call(
                    2, "GOOGLE_CALENDAR_CREATE_EVENT",
                    #"{"title":"","start":"x","visibility":"secret","attendees":[{"optional":true}]}"#),
                token: alice, session: session)
            #expect(call.result?["isError"] as? Bool == true)
            let text = try #require((call.result?["content"] as? [[String: Any]])?.first?["text"] as? String)
            let details = try #require(
                (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["details"] as? [String])
            #expect(details.contains { $0.hasPrefix("/end:") })
            #expect(details.contains { $0.hasPrefix("/title:") })
            #expect(details.contains { $0.hasPrefix("/visibility:") })
            #expect(details.contains { $0.hasPrefix("/attendees/0/email:") })
            #expect(sandbox.sandbox.requests.all.filter { $0.method == "POST" }.isEmpty, "nothing was sent upstream")
        }
    }
}
