import Application
import Auth
import Cluster
import Foundation
import Logging
import Observability
import Testing

@testable import MCPCore

/// Two server instances sharing one PostgreSQL (cluster mode, `DATABASE_URL`), as behind a load
/// balancer: what one instance learns reaches the other's clients.
@Suite(.serialized) struct ClusterModeTests {
    /// Runs two instances on one database for `body`, with `environment` besides `DATABASE_URL`.
    static func withTwoInstances(
        environment: [String: String] = [:], environmentOfB: [String: String]? = nil,
        providers: [(name: String, library: String, extra: String)]? = nil,
        _ body: @Sendable (TestServer, TestServer, TestPostgres) async throws -> Void
    ) async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            let ofA = environment.merging(["DATABASE_URL": url]) { _, url in url }
            let ofB = (environmentOfB ?? environment).merging(["DATABASE_URL": url]) { _, url in url }
            try await TestServer.with(environment: ofA, providers: providers) { a in
                try await TestServer.with(environment: ofB, providers: providers) { b in
                    try await body(a, b, postgres)
                }
            }
        }
    }

    @Test func aSetupCompletedOnOneInstanceReachesAStreamOnTheOther() async throws {
        try await Self.withTwoInstances { a, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let session = try await clientB.initialize(token: alice)
            let stream = try await clientB.events(path: "/mcp", token: alice, session: session)
            defer { stream.cancel() }
            #expect(stream.status == 200)
            let token = try await a.server.setupLinks.token(userID: "alice", integration: "notion")
            let complete = try await clientA.send(
                path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
            #expect(complete.status == 200)
            let received = try await MCPTestClient.firstMessage(stream.events)
            #expect(received?.contains("notifications/tools/list_changed") == true)
            // A link completes once across the cluster: its replay on B tells no one again.
            let replayed = try await clientB.send(
                path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
            #expect(replayed.status == 200 && replayed.body.contains(#""alreadyCompleted":true"#), "\(replayed.body)")
        }
    }

    @Test func readinessReportsTheStore() async throws {
        try await Self.withTwoInstances { a, _, postgres in
            let client = MCPTestClient(base: a.base)
            let ready = try await client.send(.GET, path: "/readyz", accept: nil)
            #expect(ready.body.contains(#""store":"up""#), "\(ready.body)")
            try await postgres.stop()
            // The store's state is what the last round trip found: a publication finds it down.
            await a.server.cluster?.integrationConnected(userID: "alice", elicitationID: nil)
            let down = try await client.send(.GET, path: "/readyz", accept: nil)
            #expect(down.status == 200 && down.body.contains(#""store":"down""#), "\(down.body)")
            try await postgres.start()
        }
    }

    @Test func aSessionOpenedOnOneInstanceIsServedByTheOtherWithOneRoundTrip() async throws {
        try await Self.withTwoInstances { a, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let session = try await clientA.initialize(token: alice)
            for id in 2...4 {
                let client = id % 2 == 0 ? clientB : clientA
                let call = try await client.send(
                    body: MCPTestClient.call(id, "EXAMPLE_ECHO", #"{"text":"hi"}"#), token: alice, session: session)
                #expect(call.status == 200 && call.result != nil, "\(call.body)")
            }
            // What initialize negotiated travelled: B answers as the session's protocol version.
            let list = try await clientB.send(
                body: MCPTestClient.request(5, "tools/list"), token: alice, session: session)
            #expect(list.result?["tools"] != nil)
            let metricsB = try await MetricsScrape.read(clientB)
            #expect(metricsB["paragon_mcp_cluster_sessions_taken_over_total"] == 1)
            // B read the session's record once; its later requests cost no round trip.
            #expect(
                metricsB[#"paragon_mcp_store_round_trips_total{operation="resolve_session",outcome="ok"}"#] == 1,
                "\(metricsB.text)")
            // Another user's token does not take the session over.
            let bob = try await TestTokens.sign(sub: "bob")
            let stolen = try await clientB.send(
                body: MCPTestClient.request(6, "tools/list"), token: bob, session: session)
            #expect(stolen.status == 403)
            let unknown = try await clientB.send(
                body: MCPTestClient.request(7, "tools/list"), token: alice, session: "0123456789abcdef0123456789abcdef")
            #expect(unknown.status == 404)
        }
    }

    @Test func deleteOnOneInstanceEndsTheSessionOnEvery() async throws {
        try await Self.withTwoInstances { a, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let session = try await clientA.initialize(token: alice)
            let onB = try await clientB.send(
                body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
            #expect(onB.status == 200)
            let stream = try await clientB.events(path: "/mcp", token: alice, session: session)
            defer { stream.cancel() }
            let bob = try await TestTokens.sign(sub: "bob")
            let foreign = try await clientA.send(.DELETE, token: bob, session: session)
            #expect(foreign.status == 404 || foreign.status == 403)
            let deleted = try await clientA.send(.DELETE, token: alice, session: session)
            #expect(deleted.status == 200)
            // B drops its copy when the end reaches it: its stream ends, the session is unknown.
            #expect(try await eventsEnd(stream.events))
            let afterB = try await clientB.send(
                body: MCPTestClient.request(3, "tools/list"), token: alice, session: session)
            #expect(afterB.status == 404)
            let again = try await clientB.send(.DELETE, token: alice, session: session)
            #expect(again.status == 404)
        }
    }

    @Test func aSessionEndsEverywhereOnlyOnceNoInstanceUsedItForTheIdleTimeout() async throws {
        try await Self.withTwoInstances(environment: ["MCP_SESSION_IDLE_TIMEOUT_MS": "1200"]) { a, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let session = try await clientA.initialize(token: alice)
            // Used on B only, for longer than the idle timeout: A's copy idles out here, the session lives.
            let start = ContinuousClock.now
            var id = 2
            while ContinuousClock.now - start < .seconds(3) {
                let reply = try await clientB.send(
                    body: MCPTestClient.request(id, "tools/list"), token: alice, session: session)
                #expect(reply.status == 200, "\(reply.body)")
                id += 1
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(a.server.sessions.session(session) == nil)
            let backOnA = try await clientA.send(
                body: MCPTestClient.request(id, "tools/list"), token: alice, session: session)
            #expect(backOnA.status == 200, "\(backOnA.body)")
            // Unused everywhere: it ends within the idle timeout and a beat or two.
            // (Each probe uses it again, so each waits longer than that first.)
            #expect(
                try await eventually(within: .seconds(20)) {
                    try await Task.sleep(for: .seconds(3))
                    return try await clientB.send(
                        body: MCPTestClient.request(99, "ping"), token: alice, session: session
                    ).status == 404
                })
        }
    }

    /// Instances configured with different idle timeouts: a session lives by the timeout of the
    /// instance that opened it, so the one with a short timeout does not end another's session
    /// in use (marked only every 30 s there).
    @Test func aSessionLivesByTheIdleTimeoutOfTheInstanceThatOpenedIt() async throws {
        try await Self.withTwoInstances(
            environment: ["MCP_SESSION_IDLE_TIMEOUT_MS": "1200"], environmentOfB: [:]
        ) { _, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let clientB = MCPTestClient(base: b.base)
            let session = try await clientB.initialize(token: alice)
            for id in 2...9 {
                try await Task.sleep(for: .milliseconds(500))
                let reply = try await clientB.send(
                    body: MCPTestClient.request(id, "tools/list"), token: alice, session: session)
                #expect(reply.status == 200, "\(reply.body)")
            }
        }
    }

    /// A client's requests of one session reach any instance: a cancellation posted to one
    /// cancels the call running on the other, which then sends no answer (MCP, cancellation).
    @Test func aCancellationPostedToOneInstanceCancelsTheCallRunningOnTheOther() async throws {
        let never = try CCompiler.fixture(
            "never_notify_cluster", "FIXTURE_NEVER_COMPLETES", "FIXTURE_TOOL_NAME=\"HANG\"")
        try await Self.withTwoInstances(providers: [("hang", never, "")]) { a, b, _ in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let session = try await clientA.initialize(token: alice)
            async let call = clientB.send(body: MCPTestClient.call(7, "HANG"), token: alice, session: session)
            #expect(
                try await eventually(within: .seconds(20)) {
                    b.server.sessions.session(session)?.state.withLock { !$0.inFlight.isEmpty } == true
                })
            let cancel = try await clientA.send(
                body: #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7}}"#,
                token: alice, session: session)
            #expect(cancel.status == 202)
            let reply = try await call
            #expect(reply.status == 200 && reply.body.isEmpty, "\(reply.body)")
        }
    }

    /// A 2026-07-28 `requestState` resumes one call across the cluster: spent on one instance,
    /// it is refused as a replay on the other.
    @Test func aRequestStateSpentOnOneInstanceIsRefusedOnTheOther() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            try await TestSandbox.with { sandbox in
                let environment = [
                    "DATABASE_URL": url, "PROJECT_ID": "sandbox-project", "ACTIONKIT_BASE_URL": sandbox.base,
                    "CONNECT_SDK_CDN_URL": sandbox.base + "/sdk/index.js",
                ]
                let actionKit = [("actionkit", TestPaths.buildDirectory + "/libActionKit.so", "")]
                try await TestServer.with(environment: environment, providers: actionKit) { a in
                    try await TestServer.with(environment: environment, providers: actionKit) { b in
                        let tool = "GOOGLE_CALENDAR_LIST_EVENTS"
                        sandbox.sandbox.state.connect("carol", "googleCalendar")
                        let key = RequestStateSeal.derivedKey(from: Array(try TestTokens.key().derRepresentation))
                        let state = RequestStateSeal(key: key).seal(
                            RequestState(
                                userID: "carol", tool: tool, arguments: .object([:]), integration: "googleCalendar",
                                expiresAt: Int(Date().timeIntervalSince1970) + 600))
                        let accept = #""inputResponses":{"connect":{"action":"accept"}},"requestState":"\#(state)""#
                        let token = try await TestTokens.sign(sub: "carol")
                        let onA = StatelessClient(
                            client: MCPTestClient(base: a.base), token: token,
                            capabilities: StatelessClient.urlElicitation)
                        let onB = StatelessClient(
                            client: MCPTestClient(base: b.base), token: token,
                            capabilities: StatelessClient.urlElicitation)
                        let resumed = try await onA.call(tool, id: "3", more: accept)
                        #expect(resumed.result?["resultType"] as? String == "complete", "\(resumed.body)")
                        let replayed = try await onB.call(tool, id: "4", more: accept)
                        #expect(replayed.status == 400 && replayed.errorCode == -32602, "replayed: \(replayed.body)")
                    }
                }
            }
        }
    }

    /// A store outage longer than three beats leaves every instance's marks of life stale: the
    /// first beats after it must not take the instances for dead and end their HTTP+SSE sessions.
    @Test func anHTTPSSESessionOutlivesALongStoreOutage() async throws {
        try await Self.withTwoInstances(environment: ["MCP_SESSION_IDLE_TIMEOUT_MS": "1200"]) { a, b, postgres in
            let alice = try await TestTokens.sign(sub: "alice")
            let stream = try await MCPTestClient(base: a.base).events(path: "/sse", token: alice)
            defer { stream.cancel() }
            let endpoint = try #require(try await Self.firstEvent(stream.events, named: "endpoint"))
            try await postgres.stop()
            try await Task.sleep(for: .seconds(4))
            try await postgres.start()
            // Both instances beat again (every 300 ms) and their grace after the outage ends.
            try await Task.sleep(for: .seconds(3))
            // Posted to B, which does not hold the stream: handed to A, answered on the stream.
            let post = try await MCPTestClient(base: b.base).send(
                path: "/" + endpoint, body: MCPTestClient.request(5, "ping"), token: alice)
            #expect(post.status == 202, "\(post.body)")
            let events = stream.events
            let answer = try await withDeadline(.seconds(10)) { try await MCPTestClient.firstMessage(events) }
            #expect(answer?.contains(#""id":5"#) == true, "\(answer ?? "the stream ended")")
        }
    }

    @Test func aRestartedInstanceLosesNoSession() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            let alice = try await TestTokens.sign(sub: "alice")
            let port = try TestServer.freePort()
            let environment = ["DATABASE_URL": url, "PORT": "\(port)"]
            let session = try await TestServer.with(environment: environment) { a in
                try await MCPTestClient(base: a.base).initialize(token: alice)
            }
            try await TestServer.with(environment: environment) { again in
                let reply = try await MCPTestClient(base: again.base).send(
                    body: MCPTestClient.call(2, "EXAMPLE_ECHO", #"{"text":"still here"}"#), token: alice,
                    session: session)
                #expect(reply.status == 200 && reply.body.contains("still here"), "\(reply.body)")
            }
        }
    }

    @Test func withTheStoreDownHeldSessionsGoOnAndTheRestIsRefusedClearlyUntilItReturns() async throws {
        try await Self.withTwoInstances { a, b, postgres in
            let alice = try await TestTokens.sign(sub: "alice")
            let (clientA, clientB) = (MCPTestClient(base: a.base), MCPTestClient(base: b.base))
            let held = try await clientA.initialize(token: alice)
            let elsewhere = try await clientA.initialize(token: alice)
            try await postgres.stop()
            let call = try await clientA.send(
                body: MCPTestClient.call(2, "EXAMPLE_ECHO", #"{"text":"hi"}"#), token: alice, session: held)
            #expect(call.status == 200 && call.result != nil, "\(call.body)")
            let unknownHere = try await clientB.send(
                body: MCPTestClient.request(3, "tools/list"), token: alice, session: elsewhere)
            #expect(unknownHere.status == 503 && unknownHere.headers.first(name: "Retry-After") == "1")
            #expect(unknownHere.body.contains("cluster's store does not answer"), "\(unknownHere.body)")
            let opening = try await clientB.send(body: MCPTestClient.initializeBody(), token: alice)
            #expect(opening.status == 503 && opening.errorCode == -32000, "\(opening.body)")
            // Deleted while the store is down: ended here now, everywhere once it answers.
            let deleted = try await clientA.send(.DELETE, token: alice, session: elsewhere)
            #expect(deleted.status == 200)
            try await postgres.start()
            #expect(
                try await eventually(within: .seconds(20)) {
                    try await clientB.send(body: MCPTestClient.request(4, "tools/list"), token: alice, session: held)
                        .status == 200
                })
            #expect(
                try await eventually(within: .seconds(10)) {
                    try await clientB.send(
                        body: MCPTestClient.request(5, "tools/list"), token: alice, session: elsewhere
                    ).status == 404
                })
            _ = try await clientB.initialize(token: alice)
        }
    }

    /// Instances with different signing keys would refuse each other's setup links and request
    /// states: one whose key differs from a running instance's does not start, and says why.
    @Test func anInstanceWithAnotherSigningKeyDoesNotJoin() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            try await TestServer.with(environment: ["DATABASE_URL": url]) { _ in
                let other = try SigningKeys.generate()
                let refusal = await Self.joinRefusal(url: url, signingKeyDER: Array(other.derRepresentation))
                #expect(refusal?.contains("same SIGNING_KEY") == true, "\(refusal ?? "joined")")
                // The same key joins.
                #expect(
                    await Self.joinRefusal(url: url, signingKeyDER: Array(try TestTokens.key().derRepresentation))
                        == nil)
            }
        }
    }

    /// Why an instance with `signingKeyDER` does not join the cluster on `url`; nil when it joins
    /// (it leaves at once).
    static func joinRefusal(url: String, signingKeyDER: [UInt8]) async -> String? {
        do throws(BootstrapError) {
            let joined = try await ClusterRuntime(
                url: url, signingKeyDER: signingKeyDER, mode: .production, sessionIdleTimeout: .seconds(60),
                logger: Logger(label: "join"), metrics: ServerMetrics(), startTimeout: .seconds(60))
            await joined.leave()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The data of the first event of `events` named `name`.
    static func firstEvent(
        _ events: AsyncThrowingStream<(String, String), Error>, named name: String
    ) async throws -> String? {
        for try await (event, data) in events where event == name { return data }
        return nil
    }

    /// Whether an SSE stream ends within 10 s.
    private func eventsEnd(_ events: AsyncThrowingStream<(String, String), Error>) async throws -> Bool {
        (try? await withDeadline(.seconds(10)) {
            for try await _ in events {}
            return true
        }) ?? false
    }
}
