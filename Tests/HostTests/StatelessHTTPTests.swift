import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

/// MCP 2026-07-28's single-exchange path on /mcp over real HTTP, item by item of the checklist
/// for a tools-only server (../shared/MCP-2026-07-28.md §8), beside the session path.
@Suite struct StatelessHTTPTests {
    static func modern(_ server: TestServer, user: String = "alice") async throws -> StatelessClient {
        StatelessClient(client: MCPTestClient(base: server.base), token: try await TestTokens.sign(sub: user))
    }

    static func meta(_ result: [String: Any]?) -> [String: Any]? {
        (result?["_meta"] as? [String: Any])?["io.modelcontextprotocol/serverInfo"] as? [String: Any]
    }

    @Test func discoverListsBothErasAndStampsTheResult() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let reply = try await modern.send("server/discover")
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == "application/json")
            #expect(reply.headers.first(name: "Mcp-Session-Id") == nil, "no session is made")
            let result = try #require(reply.result)
            let versions = try #require(result["supportedVersions"] as? [String])
            #expect(
                versions.first == "2026-07-28" && versions.contains("2025-11-25") && versions.contains("2024-11-05"))
            #expect(
                ((result["capabilities"] as? [String: Any])?["tools"] as? [String: Any])?["listChanged"] as? Bool
                    == true)
            #expect(result["resultType"] as? String == "complete")
            #expect(result["cacheScope"] as? String == "private")
            #expect((result["ttlMs"] as? Int ?? -1) >= 0)
            #expect(Self.meta(result)?["name"] as? String == "paragon-mcp")
        }
    }

    @Test func toolsAreListedInPagesWithCacheHintsAndCalled() async throws {
        try await TestServer.with(environment: ["TOOL_LIST_PAGE_SIZE": "1", "TOOL_LIST_CACHE_TTL_SECONDS": "42"]) {
            server in
            let modern = try await Self.modern(server)
            let first = try await modern.send("tools/list")
            #expect(first.status == 200)
            let page = try #require(first.result)
            #expect(page["ttlMs"] as? Int == 42_000)
            #expect(page["cacheScope"] as? String == "private", "lists depend on the user")
            #expect(page["resultType"] as? String == "complete")
            #expect(Self.meta(page) != nil)
            let cursor = try #require(page["nextCursor"] as? String)
            let second = try await modern.send("tools/list", id: "2", params: #""cursor":"\#(cursor)""#)
            #expect(second.result?["cacheScope"] as? String == "private", "the same scope on every page")
            #expect(try await modern.listAll() == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
            #expect(try await modern.listAll() == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"], "deterministic")
            let bad = try await modern.send("tools/list", id: "3", params: #""cursor":"nonsense""#)
            #expect(bad.status == 400 && bad.errorCode == -32602)

            let call = try await modern.call("EXAMPLE_ECHO", arguments: #"{"text":"héllo"}"#)
            #expect(call.status == 200)
            #expect(call.result?["resultType"] as? String == "complete")
            #expect(Self.meta(call.result)?["version"] != nil)
            #expect(TestStack.text(of: call.result) == "héllo")
            let unknown = try await modern.call("NOPE")
            #expect(unknown.status == 400 && unknown.errorCode == -32602)
        }
    }

    @Test func headerAndEnvelopeErrorsGetTheirCodesAndStatuses() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let list = modern.body("1", "tools/list")
            func expect(
                _ reply: MCPTestClient.Reply, _ status: Int, _ code: Int?, _ comment: Comment,
                sourceLocation: SourceLocation = #_sourceLocation
            ) {
                #expect(reply.status == status, comment, sourceLocation: sourceLocation)
                #expect(reply.errorCode == code, "\(comment): \(reply.body)", sourceLocation: sourceLocation)
            }
            // Mcp-Method missing, mismatched; version header against the body.
            expect(
                try await modern.send("tools/list", headers: [("MCP-Protocol-Version", "2026-07-28")]), 400, -32020,
                "no Mcp-Method")
            expect(
                try await modern.send(
                    "tools/list", headers: [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call")]),
                400, -32020, "Mcp-Method differs")
            var older = modern
            older.version = "2025-11-25"
            expect(
                try await modern.send("tools/list", body: older.body("1", "tools/list")), 400, -32020,
                "header 2026-07-28, body 2025-11-25")
            // Mcp-Name for tools/call: missing, mismatched, base64-encoded.
            let call = modern.body("1", "tools/call", #""name":"EXAMPLE_ECHO","arguments":{"text":"x"}"#)
            expect(try await modern.send("tools/call", body: call), 400, -32020, "no Mcp-Name")
            expect(
                try await modern.send("tools/call", name: "EXAMPLE_HTTP_GET", body: call), 400, -32020,
                "Mcp-Name differs")
            let encoded = "=?base64?" + Data("EXAMPLE_ECHO".utf8).base64EncodedString() + "?="
            expect(try await modern.send("tools/call", name: encoded, body: call), 200, nil, "a base64 Mcp-Name")
            // A routing header twice.
            expect(
                try await modern.send("tools/list", extra: [("Mcp-Method", "tools/list")]), 400, -32020,
                "Mcp-Method twice")
            // The envelope: no _meta keys.
            let bare = #"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"#
            expect(try await modern.send("tools/list", body: bare), 400, -32602, "no _meta")
            let noCapabilities =
                #"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}"#
            expect(try await modern.send("tools/list", body: noCapabilities), 400, -32602, "no clientCapabilities")
            // Version negotiation: -32022 with the supported list.
            var future = modern
            future.version = "2027-01-01"
            let unsupported = try await future.send("tools/list")
            expect(unsupported, 400, -32022, "an unserved version")
            let data = (unsupported.json?["error"] as? [String: Any])?["data"] as? [String: Any]
            #expect((data?["supported"] as? [String])?.contains("2026-07-28") == true)
            #expect(data?["requested"] as? String == "2027-01-01")
            // Unknown methods, ping and initialize at 2026-07-28: 404 -32601.
            expect(try await modern.send("resources/list"), 404, -32601, "unknown method")
            expect(try await modern.send("ping"), 404, -32601, "ping is gone")
            expect(try await modern.send("initialize"), 404, -32601, "initialize is the handshake era's")
            // Malformed bodies.
            expect(try await modern.send("tools/list", body: "{"), 400, -32700, "not JSON")
            expect(try await modern.send("tools/list", body: "[\(list)]"), 400, -32600, "a batch")
            expect(
                try await modern.send("tools/list", body: #"{"jsonrpc":"2.0","id":null,"method":"tools/list"}"#), 400,
                -32600, "a null id")
            expect(
                try await modern.send("tools/list", body: #"{"jsonrpc":"2.0","id":1,"result":{}}"#), 400, -32600,
                "a posted response")
            // Accept must allow JSON; a listen needs the event stream.
            expect(try await modern.send("tools/list", accept: "text/event-stream"), 406, -32600, "Accept without JSON")
            let listen = modern.body("9", "subscriptions/listen", #""notifications":{"toolsListChanged":true}"#)
            expect(
                try await modern.send("subscriptions/listen", body: listen, accept: "application/json"), 406, -32600,
                "a listen without text/event-stream")
            expect(
                try await modern.send("subscriptions/listen", body: modern.body("10", "subscriptions/listen")), 400,
                -32602, "a listen naming no notifications")
            // Authentication as on the session path.
            var anonymous = modern
            anonymous.token = nil
            let refused = try await anonymous.send("tools/list")
            #expect(refused.status == 401)
            #expect(refused.headers.first(name: "WWW-Authenticate")?.contains("resource_metadata=") == true)
        }
    }

    @Test func notificationsAreAcceptedAndGetAndDeleteAreNotAllowed() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let note =
                #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"_meta":\#(modern.meta)}}"#
            let accepted = try await modern.send("notifications/cancelled", body: note)
            #expect(accepted.status == 202 && accepted.body.isEmpty)
            var future = modern
            future.version = "2027-01-01"
            let refused = try await future.send("notifications/cancelled", body: note)
            #expect(refused.status == 400 && refused.errorCode == -32022)
            for method in [HTTPMethod.GET, .DELETE] {
                let reply = try await modern.client.send(
                    method, token: modern.token, headers: [("MCP-Protocol-Version", "2026-07-28")])
                #expect(reply.status == 405, "\(method)")
                #expect(reply.headers.first(name: "Allow") == "POST")
            }
        }
    }

    /// The session path beside it, unchanged: a handshake client initializes and calls as ever,
    /// and a 2026-07-28 body without its header is refused, never given a session.
    @Test func theSessionPathIsUntouchedBesideIt() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let client = modern.client
            let session = try await client.initialize(token: modern.token)
            let call = try await client.send(
                body: MCPTestClient.call(2, "EXAMPLE_ECHO", #"{"text":"old"}"#), token: modern.token, session: session)
            #expect(TestStack.text(of: call.result) == "old")
            #expect(call.result?["resultType"] == nil, "no 2026-only fields on the session path")
            #expect(call.result?["_meta"] == nil)
            let list = try await client.send(
                body: MCPTestClient.request(3, "tools/list"), token: modern.token, session: session)
            #expect(list.result?["ttlMs"] == nil && list.result?["cacheScope"] == nil)

            let headerless = try await client.send(body: modern.body("4", "tools/list"), token: modern.token)
            #expect(headerless.status == 400 && headerless.errorCode == -32020)
            #expect(headerless.headers.first(name: "Mcp-Session-Id") == nil)
            let modernInitialize = try await client.send(
                body: MCPTestClient.initializeBody(), token: modern.token,
                headers: [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "initialize")])
            #expect(modernInitialize.headers.first(name: "Mcp-Session-Id") == nil)
            #expect(server.server.sessions.count == 1, "only the handshake client's session exists")
        }
    }

    /// Arguments mirrored in `Mcp-Param-*` headers (`x-mcp-header`) are checked against them
    /// before anything else about the arguments.
    @Test func parameterHeadersMustMatchTheirArguments() async throws {
        let schema =
            #"{\"type\":\"object\",\"properties\":{\"region\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"},\"count\":{\"type\":\"integer\",\"x-mcp-header\":\"Count\"}}}"#
        let library = try CCompiler.fixture(
            "regional", "FIXTURE_TOOL_NAME=\"REGIONAL\"", "FIXTURE_TOOL_SCHEMA=\"\(schema)\"")
        try await TestServer.with(providers: [("regional", library, "")]) { server in
            let modern = try await Self.modern(server)
            let arguments = #"{"region":"us-west1","count":7}"#
            let matching = try await modern.call(
                "REGIONAL", arguments: arguments, extra: [("Mcp-Param-Region", "us-west1"), ("mcp-param-count", "007")])
            #expect(
                matching.status == 200 && matching.result?["resultType"] as? String == "complete", "\(matching.body)")
            let missing = try await modern.call("REGIONAL", arguments: arguments, extra: [("Mcp-Param-Count", "7")])
            #expect(missing.status == 400 && missing.errorCode == -32020)
            let differs = try await modern.call(
                "REGIONAL", arguments: arguments, extra: [("Mcp-Param-Region", "eu-west1"), ("Mcp-Param-Count", "7")])
            #expect(differs.status == 400 && differs.errorCode == -32020)
            let stray = try await modern.call("REGIONAL", arguments: "{}", extra: [("Mcp-Param-Region", "us-west1")])
            #expect(stray.status == 400 && stray.errorCode == -32020)
            let encoded = try await modern.call(
                "REGIONAL", arguments: #"{"region":" spaced "}"#,
                extra: [("Mcp-Param-Region", "=?base64?" + Data(" spaced ".utf8).base64EncodedString() + "?=")])
            #expect(encoded.status == 200, "\(encoded.body)")
        }
    }

    /// LIMIT_TO_TOOLS and argument validation hold on the single-exchange path: a hidden tool is
    /// neither listed nor callable (a peer gateway's stateless path once served its unfiltered
    /// table), and invalid arguments never reach the provider.
    @Test func aFilteredToolIsNeitherListedNorCallable() async throws {
        try await TestServer.with(environment: ["LIMIT_TO_TOOLS": "EXAMPLE_ECHO"]) { server in
            let modern = try await Self.modern(server)
            #expect(try await modern.listAll() == ["EXAMPLE_ECHO"])
            let hidden = try await modern.call("EXAMPLE_HTTP_GET", arguments: #"{"path":"/"}"#)
            #expect(hidden.status == 400 && hidden.errorCode == -32602, "\(hidden.body)")
            #expect(hidden.body.contains("Unknown tool"))
            let invalid = try await modern.call("EXAMPLE_ECHO", arguments: "{}")
            #expect(invalid.status == 200 && invalid.result?["isError"] as? Bool == true, "\(invalid.body)")
            #expect(TestStack.text(of: invalid.result)?.contains("Validation error") == true)
            // The session path, the same.
            let session = try await modern.client.initialize(token: modern.token)
            let old = try await modern.client.send(
                body: MCPTestClient.call(2, "EXAMPLE_HTTP_GET", #"{"path":"/"}"#), token: modern.token,
                session: session)
            #expect(old.errorCode == -32602)
        }
    }

    @Test func aClientThatHangsUpCancelsTheProviderCall() async throws {
        let never = try CCompiler.fixture("never_modern", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        try await TestServer.with(providers: [("hang", never, "")]) { server in
            let modern = try await Self.modern(server)
            let connection = try RawConnection(port: server.port)
            connection.send(
                RawHTTP.post(
                    path: "/mcp", port: server.port, token: modern.token!, session: nil,
                    body: modern.body("1", "tools/call", #""name":"HANG","arguments":{}"#),
                    headers: modern.headers("tools/call", name: "HANG")))
            _ = try await eventually(within: .seconds(20)) {
                try LoadingTests.fixtureCounter(never, "fixture_calls_received") > 0
            }
            connection.close()
            _ = try await eventually(within: .seconds(20)) { try LoadingTests.cancelCount(never) > 0 }
            #expect(try LoadingTests.cancelCount(never) == 1)
        }
    }

    /// A request that asks for progress is answered as an event stream carrying the response.
    @Test func aRequestAskingForProgressIsAnsweredAsAStream() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let body =
                #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"EXAMPLE_ECHO","arguments":{"text":"p"},"_meta":{"progressToken":"t1","io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#
            let reply = try await modern.send("tools/call", name: "EXAMPLE_ECHO", body: body)
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == "text/event-stream")
            #expect(reply.body.hasPrefix("event: message\ndata: {"))
            #expect(reply.body.contains(#""resultType":"complete""#))
        }
    }

    /// With a progress token, an error keeps its JSON and its status (a stream would be 200).
    @Test func anErrorToAProgressRequestKeepsItsStatus() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let body =
                #"{"jsonrpc":"2.0","id":6,"method":"resources/list","params":{"_meta":{"progressToken":"t2","io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#
            let reply = try await modern.send("resources/list", body: body)
            #expect(reply.status == 404 && reply.errorCode == -32601)
            #expect(reply.headers.first(name: "Content-Type") == "application/json")
        }
    }

    /// A browser client's preflight may name the `Mcp-Param-*` headers a tool's schema asks for.
    @Test func aPreflightAllowsTheParameterHeadersItNames() async throws {
        let origin = "https://app.example.com"
        try await TestServer.with(environment: ["MCP_ALLOWED_ORIGINS": origin]) { server in
            let reply = try await MCPTestClient(base: server.base).send(
                .OPTIONS,
                headers: [
                    ("Origin", origin), ("Access-Control-Request-Method", "POST"),
                    ("Access-Control-Request-Headers", "mcp-method, mcp-name, Mcp-Param-Region, mcp-param-bad_name"),
                ], accept: nil)
            #expect(reply.status == 204)
            let allowed = reply.headers.first(name: "Access-Control-Allow-Headers") ?? ""
            #expect(
                allowed.contains("Mcp-Method") && allowed.contains("Mcp-Name") && allowed.contains("Mcp-Param-Region"))
            #expect(!allowed.contains("bad"))
        }
    }

    /// `subscriptions/listen`: the acknowledgement first, keep-alives, and the user's list
    /// change (a setup completion, here for another user: not told) tagged with the listen id.
    @Test func aListenIsAcknowledgedAndToldOfItsUsersListChanges() async throws {
        try await TestServer.with { server in
            let modern = try await Self.modern(server)
            let stream = try await modern.listen()
            defer { stream.cancel() }
            #expect(stream.status == 200)
            var events = stream.events.makeAsyncIterator()
            let (_, first) = try #require(try await events.next())
            let ack = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            #expect(ack["method"] as? String == "notifications/subscriptions/acknowledged")
            let params = ack["params"] as? [String: Any]
            #expect(
                (params?["_meta"] as? [String: Any])?["io.modelcontextprotocol/subscriptionId"] as? String == "listen-1"
            )
            #expect((params?["notifications"] as? [String: Any])?["toolsListChanged"] as? Bool == true)
            #expect(try await events.next()?.0 == "comment", "a keep-alive")

            _ = server.server.notifyToolListChanged(userID: "bob")
            _ = server.server.notifyToolListChanged(userID: "alice")
            var changed: [String: Any]?
            while changed == nil, let (name, data) = try await events.next() {
                guard name == "message" else { continue }
                changed = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
            }
            #expect(changed?["method"] as? String == "notifications/tools/list_changed")
            let tag = (changed?["params"] as? [String: Any])?["_meta"] as? [String: Any]
            #expect(tag?["io.modelcontextprotocol/subscriptionId"] as? String == "listen-1")
            #expect(server.server.subscriptions.count == 1)
        }
    }
}
