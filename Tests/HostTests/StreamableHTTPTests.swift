import Foundation
import JWTKit
import Testing

@testable import Application
@testable import Auth

/// Streamable HTTP at /mcp over real HTTP, with real tokens: the TypeScript server's transport
/// behaviours and this server's own rules.
@Suite struct StreamableHTTPTests {
    @Test func aSessionInitializesNotifiesStreamsAndEnds() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let initialize = try await client.send(body: MCPTestClient.initializeBody(), token: token)
            #expect(initialize.status == 200)
            let session = try #require(initialize.headers.first(name: "Mcp-Session-Id"))
            #expect(session.count >= 32 && session.allSatisfy { $0.isASCII && !$0.isWhitespace })
            #expect(initialize.result?["protocolVersion"] as? String == "2025-11-25")
            #expect((initialize.result?["serverInfo"] as? [String: Any])?["name"] as? String == "paragon-mcp")

            let initialized = try await client.send(
                body: #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#, token: token, session: session)
            #expect(initialized.status == 202)
            #expect(initialized.body.isEmpty)

            let stream = try await client.events(path: "/mcp", token: token, session: session)
            #expect(stream.status == 200)
            // A second stream replaces the first (whose client may have lost it): the first ends.
            let second = try await client.events(path: "/mcp", token: token, session: session)
            #expect(second.status == 200)
            let replacedBy = ContinuousClock.now + .seconds(20)
            var ended = false
            var events = stream.events.makeAsyncIterator()
            while ContinuousClock.now < replacedBy {
                guard let (name, _) = try await events.next() else {
                    ended = true
                    break
                }
                #expect(name == "comment")
            }
            #expect(ended, "the replaced stream did not end")
            second.cancel()

            let ping = try await client.send(body: MCPTestClient.request(2, "ping"), token: token, session: session)
            #expect(ping.status == 200 && ping.result?.isEmpty == true)

            let deleted = try await client.send(.DELETE, token: token, session: session)
            #expect(deleted.status == 200)
            let after = try await client.send(body: MCPTestClient.request(3, "ping"), token: token, session: session)
            #expect(after.status == 404 && after.errorCode == -32001)
        }
    }

    @Test func listsAndCallsTheCExampleTools() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: token)
            let list = try await client.send(
                body: MCPTestClient.request(2, "tools/list"), token: token, session: session)
            let tools = try #require(list.result?["tools"] as? [[String: Any]])
            #expect(tools.map { $0["name"] as? String } == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
            #expect(!list.body.contains("null"))
            let call = try await client.send(
                body: MCPTestClient.call(3, "EXAMPLE_ECHO", #"{"text":"héllo"}"#), token: token, session: session)
            let content = try #require(call.result?["content"] as? [[String: Any]])
            #expect(content.first?["text"] as? String == "héllo")
            let unknown = try await client.send(body: MCPTestClient.call(4, "NOPE"), token: token, session: session)
            #expect(unknown.errorCode == -32602)
            let badParams = try await client.send(
                body: MCPTestClient.request(5, "tools/call", #"{"name":"EXAMPLE_ECHO","arguments":"text"}"#),
                token: token, session: session)
            #expect(badParams.errorCode == -32602)
            let unknownMethod = try await client.send(
                body: MCPTestClient.request(6, "resources/list"), token: token,
                session: session)
            #expect(unknownMethod.errorCode == -32601)
            let nullID = try await client.send(
                body: #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, token: token,
                session: session)
            #expect(nullID.status == 400 && nullID.errorCode == -32600)
        }
    }

    @Test func sessionRulesOrderAndStatuses() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let noSession = try await client.send(body: MCPTestClient.request(1, "ping"), token: token)
            #expect(noSession.status == 400 && noSession.errorCode == -32000)
            let unknown = try await client.send(body: MCPTestClient.request(1, "ping"), token: token, session: "nope")
            #expect(unknown.status == 404 && unknown.errorCode == -32001)
            let malformed = try await client.send(body: "{not json", token: token)
            #expect(malformed.status == 400 && malformed.errorCode == -32700)
            let text = try await client.send(
                body: MCPTestClient.initializeBody(), token: token, contentType: "text/plain")
            #expect(text.status == 415 && text.errorCode == -32000)
            let compressed = try await client.send(
                body: MCPTestClient.initializeBody(), token: token,
                headers: [("Content-Encoding", "compress")])
            #expect(compressed.status == 415)
            let jsonOnly = try await client.send(
                body: MCPTestClient.initializeBody(), token: token,
                accept: "application/json")
            #expect(jsonOnly.status == 406)
            #expect(server.server.sessions.count == 0)
            let star = try await client.send(body: MCPTestClient.initializeBody(), token: token, accept: "*/*")
            #expect(star.status == 200)
            let big = try await client.send(body: String(repeating: " ", count: 5 << 20), token: token)
            #expect(big.status == 413)
            let put = try await client.send(.PUT, token: token)
            #expect(put.status == 405 && put.headers.first(name: "Allow") == "GET, POST, DELETE")
            // Authentication comes before parsing: a stranger's malformed body is 401.
            let stranger = try await client.send(body: "{not json")
            #expect(stranger.status == 401)
            let batch = try await client.send(
                body: "[" + MCPTestClient.request(1, "ping") + "]", token: token,
                session: star.headers.first(name: "Mcp-Session-Id"))
            #expect(batch.status == 400 && batch.errorCode == -32600)
            let reinit = try await client.send(
                body: MCPTestClient.initializeBody(), token: token,
                session: star.headers.first(name: "Mcp-Session-Id"))
            #expect(reinit.status == 400 && reinit.errorCode == -32600)
            let badVersion = try await client.send(
                body: MCPTestClient.request(9, "ping"), token: token,
                session: star.headers.first(name: "Mcp-Session-Id"),
                headers: [("MCP-Protocol-Version", "1999-01-01")])
            #expect(badVersion.status == 400)
        }
    }

    @Test func tokensAreVerifiedStrictly() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let otherKey = try JWTKitKeys.fresh()
            let cases: [(String, String)] = [
                ("garbage", "not.a.token"),
                ("HS256 with the public key", try TestTokens.hs256WithPublicKey(sub: "alice")),
                ("alg none", TestTokens.unsigned(sub: "alice")),
                ("another key", try await TestTokens.sign(sub: "alice", key: otherKey)),
                ("no sub", try await TestTokens.sign(sub: nil)),
                ("expired", try await TestTokens.sign(sub: "alice", expiresIn: -10)),
                ("not yet valid", try await TestTokens.sign(sub: "alice", notBefore: Date().addingTimeInterval(600))),
            ]
            for (name, token) in cases {
                let reply = try await client.send(body: MCPTestClient.initializeBody(), token: token)
                #expect(reply.status == 401, "\(name)")
            }
            let noExpiry = try await client.send(
                body: MCPTestClient.initializeBody(),
                token: try await TestTokens.sign(sub: "alice", expiresIn: nil))
            #expect(noExpiry.status == 200)
            // ?user= is for development mode only.
            let queryUser = try await client.send(path: "/mcp?user=alice", body: MCPTestClient.initializeBody())
            #expect(queryUser.status == 401)
        }
    }

    @Test func developmentModeAcceptsQueryUser() async throws {
        try await TestServer.with(environment: ["NODE_ENV": "development"]) { server in
            let client = MCPTestClient(base: server.base)
            let reply = try await client.send(path: "/mcp?user=dev-user", body: MCPTestClient.initializeBody())
            #expect(reply.status == 200)
            let session = try #require(server.server.sessions.all.first)
            #expect(session.owner.userID == "dev-user")
        }
    }

    @Test func sessionsBelongToTheirUserAndTakeTheirNewestToken() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let alice = try await TestTokens.sign(sub: "alice")
            let aliceRotated = try await TestTokens.sign(sub: "alice", expiresIn: 7200)
            let bob = try await TestTokens.sign(sub: "bob")
            let session = try await client.initialize(token: alice)
            let asBob = try await client.send(body: MCPTestClient.request(2, "ping"), token: bob, session: session)
            #expect(asBob.status == 403)
            // A fresh token of the same user (apps mint one per request) continues the session,
            // and is the one used from then on.
            let rotated = try await client.send(
                body: MCPTestClient.request(2, "ping"), token: aliceRotated,
                session: session)
            #expect(rotated.status == 200)
            #expect(server.server.sessions.session(session)?.owner.token == aliceRotated)
            let noAuth = try await client.send(body: MCPTestClient.request(2, "ping"), session: session)
            #expect(noAuth.status == 401)
            let deleteAsBob = try await client.send(.DELETE, token: bob, session: session)
            #expect(deleteAsBob.status == 403)
            let expired = try await TestTokens.sign(sub: "alice", expiresIn: -5)
            #expect(try await client.send(.DELETE, token: expired, session: session).status == 401)
            #expect(try await client.send(.DELETE, token: aliceRotated, session: session).status == 200)
            #expect(try await client.initialize(token: aliceRotated).isEmpty == false)
        }
    }

    @Test func twoSessionsAreIsolated() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let alice = try await TestTokens.sign(sub: "alice")
            let bob = try await TestTokens.sign(sub: "bob")
            async let first = client.initialize(token: alice)
            async let second = client.initialize(token: bob)
            let (a, b) = try await (first, second)
            #expect(a != b)
            #expect(
                try await client.send(body: MCPTestClient.request(1, "ping"), token: alice, session: b).status == 403)
            #expect(try await client.send(body: MCPTestClient.request(1, "ping"), token: bob, session: a).status == 403)
            #expect(try await client.send(.DELETE, token: alice, session: a).status == 200)
            #expect(try await client.send(.DELETE, token: bob, session: b).status == 200)
            #expect(server.server.sessions.count == 0)
        }
    }

    @Test func capacityHoldsUnderAConcurrentBurst() async throws {
        try await TestServer.with(environment: ["MCP_MAX_SESSIONS": "3"]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.send(body: MCPTestClient.initializeBody(), token: token).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 3)
            #expect(statuses.filter { $0 == 503 }.count == 17)
            #expect(server.server.sessions.count == 3)
        }
    }

    @Test func tokenExpiryEndsTheSessionAndFreesCapacity() async throws {
        try await TestServer.with(environment: ["MCP_MAX_SESSIONS": "1"]) { server in
            let client = MCPTestClient(base: server.base)
            let other = try await TestTokens.sign(sub: "bob")
            let lifetime = 8.0
            var signedAt = ContinuousClock.now
            var opened: String?
            // Under heavy load the token may expire before initialize is served: sign again.
            for _ in 0..<3 where opened == nil {
                signedAt = ContinuousClock.now
                let shortLived = try await TestTokens.sign(sub: "alice", expiresIn: lifetime)
                opened = try? await client.initialize(token: shortLived)
            }
            let session = try #require(opened)
            let refused = try await client.send(body: MCPTestClient.initializeBody(), token: other)
            // Under heavy load the token may already have expired; only then may the slot be free
            // (and then bob's session takes it: end it, so the slot is free again).
            if ContinuousClock.now - signedAt < .seconds(lifetime - 1.5) { #expect(refused.status == 503) }
            if let bobs = refused.headers.first(name: "Mcp-Session-Id") {
                #expect(try await client.send(.DELETE, token: other, session: bobs).status == 200)
            }
            #expect(try await eventually(within: .seconds(30)) { server.server.sessions.session(session) == nil })
            #expect(try await client.send(body: MCPTestClient.initializeBody(), token: other).status == 200)
        }
    }

    @Test func idleSessionsExpireButNotDuringARequest() async throws {
        let slow = try CCompiler.fixture("slow4000", "FIXTURE_DELAY_MS=4000", "FIXTURE_TOOL_NAME=\"SLOW\"")
        try await TestServer.with(
            environment: ["MCP_SESSION_IDLE_TIMEOUT_MS": "2500"],
            providers: [("slow", slow, "")]
        ) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            // A call longer than the idle timeout keeps the session. (A session closed mid-call
            // would answer -32800, not a result.) On a loaded machine the session may go idle
            // between `initialize` and the call, which answers 404: that attempt proves nothing,
            // so it is retried with a new session; a session ended mid-call fails every attempt.
            var session = ""
            var call: MCPTestClient.Reply?
            for _ in 0..<4 {
                session = try await client.initialize(token: token)
                let reply = try await client.send(body: MCPTestClient.call(2, "SLOW"), token: token, session: session)
                call = reply
                if reply.status != 404 { break }
            }
            #expect(call?.status == 200 && call?.result != nil, "\(call?.status ?? 0) \(call?.body ?? "")")
            #expect(try await eventually(within: .seconds(30)) { server.server.sessions.session(session) == nil })
            #expect(
                try await client.send(body: MCPTestClient.request(4, "ping"), token: token, session: session).status
                    == 404)
        }
    }

    @Test func longTimersDoNotFireEarly() async throws {
        try await TestServer.with(environment: ["MCP_SESSION_IDLE_TIMEOUT_MS": "9999999999999"]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice", expiresIn: 100 * 365 * 24 * 3600)
            let session = try await client.initialize(token: token)
            try await Task.sleep(for: .milliseconds(100))
            #expect(
                try await client.send(body: MCPTestClient.request(2, "ping"), token: token, session: session).status
                    == 200)
        }
    }

    @Test func aSlowCallHoldsUpNeitherAPingNorAnotherCall() async throws {
        let slow = try CCompiler.fixture("slow10000", "FIXTURE_DELAY_MS=10000", "FIXTURE_TOOL_NAME=\"SLOW\"")
        try await TestServer.with(providers: [("slow", slow, "")]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: token)
            let first = Task {
                let reply = try await client.send(body: MCPTestClient.call(2, "SLOW"), token: token, session: session)
                return (reply, ContinuousClock.now)
            }
            let second = Task {
                let reply = try await client.send(body: MCPTestClient.call(3, "SLOW"), token: token, session: session)
                return (reply, ContinuousClock.now)
            }
            try await Task.sleep(for: .milliseconds(100))
            let ping = try await client.send(body: MCPTestClient.request(4, "ping"), token: token, session: session)
            let pinged = ContinuousClock.now
            #expect(ping.status == 200)
            let ((a, aDone), (b, bDone)) = try await (first.value, second.value)
            #expect(a.result != nil && b.result != nil)
            #expect(pinged < aDone && pinged < bDone, "the ping waited for a slow call")
            // Timing-free: the provider saw both calls in flight at once.
            #expect(
                try LoadingTests.fixtureCounter(slow, "fixture_max_in_flight") == 2, "the calls ran one after the other"
            )
        }
    }

    @Test func aClientThatDisconnectsCancelsTheProviderCall() async throws {
        let never = try CCompiler.fixture("never_http", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        try await TestServer.with(providers: [("hang", never, "")]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: token)
            // Hang up once the provider has the call (a call cancelled before it gets there never
            // reaches the provider, and so needs no cancel).
            let connection = try RawConnection(port: server.port)
            connection.send(
                RawHTTP.post(
                    path: "/mcp", port: server.port, token: token, session: session,
                    body: MCPTestClient.call(2, "HANG")))
            _ = try await eventually(within: .seconds(20)) {
                try LoadingTests.fixtureCounter(never, "fixture_calls_received") > 0
            }
            connection.close()
            _ = try await eventually(within: .seconds(20)) { try LoadingTests.cancelCount(never) > 0 }
            #expect(try LoadingTests.cancelCount(never) == 1)
        }
    }

    @Test func aProviderThatNeverAnswersFailsOnlyThatCall() async throws {
        let never = try CCompiler.fixture("never_deadline", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        try await TestServer.with(yaml: "server: {call_timeout_ms: 300}", providers: [("hang", never, "")]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: token)
            let call = try await client.send(body: MCPTestClient.call(2, "HANG"), token: token, session: session)
            #expect(call.status == 200)
            #expect(call.result?["isError"] as? Bool == true)
            #expect(call.body.contains("did not answer in time"))
            let ping = try await client.send(body: MCPTestClient.request(3, "ping"), token: token, session: session)
            #expect(ping.status == 200)
        }
    }

    @Test func notificationsCancelledCancelsTheCall() async throws {
        let never = try CCompiler.fixture("never_notify", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        try await TestServer.with(providers: [("hang", never, "")]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: token)
            async let call = client.send(body: MCPTestClient.call(7, "HANG"), token: token, session: session)
            // Cancel once the call is in flight (a cancellation of a request not yet received is void).
            let live = try #require(server.server.sessions.session(session))
            #expect(try await eventually(within: .seconds(20)) { live.state.withLock { !$0.inFlight.isEmpty } })
            // ...and has reached the provider (one cancelled before it gets there never does).
            _ = try await eventually(within: .seconds(20)) {
                try LoadingTests.fixtureCounter(never, "fixture_calls_received") > 0
            }
            let cancel = try await client.send(
                body: #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}"#,
                token: token, session: session)
            #expect(cancel.status == 202)
            // The receiver of a cancellation does not answer the cancelled request: the POST's
            // event stream ends without an answer.
            let reply = try await call
            #expect(reply.status == 200 && reply.body.isEmpty)
            #expect(reply.headers.first(name: "Content-Type") == "text/event-stream")
            #expect(try LoadingTests.cancelCount(never) == 1)
        }
    }

    @Test func hostAndOriginAreChecked() async throws {
        try await TestServer.with(environment: [
            "MCP_ALLOWED_ORIGINS": "https://app.example.com",
            "MCP_SERVER_URL": "https://mcp.example.com",
        ]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            func status(_ headers: [(String, String)]) async throws -> Int {
                try await client.send(body: MCPTestClient.initializeBody(), token: token, headers: headers).status
            }
            #expect(try await status([("Host", "evil.example.com")]) == 403)
            #expect(try await status([("Host", "mcp.example.com")]) == 200)
            #expect(try await status([("Host", "localhost")]) == 200)
            #expect(try await status([("Origin", "https://evil.example.com")]) == 403)
            #expect(try await status([("Origin", "https://app.example.com")]) == 200)
            #expect(try await status([("Origin", "https://mcp.example.com:443")]) == 200)
            // Localhost origins only in development mode.
            #expect(try await status([("Origin", "http://localhost:\(server.port)")]) == 403)
            // The check comes before authentication.
            let stranger = try await client.send(body: "{", headers: [("Host", "evil.example.com")])
            #expect(stranger.status == 403)
        }
    }
}

enum JWTKitKeys {
    static func fresh() throws -> JWTKit.Insecure.RSA.PrivateKey { try SigningKeys.generate() }
}
