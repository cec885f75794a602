import Foundation
import Testing

/// Two server instances sharing one PostgreSQL (cluster mode, `DATABASE_URL`), as behind a load
/// balancer: what one instance learns reaches the other's clients.
@Suite(.serialized) struct ClusterModeTests {
    /// Runs two instances on one database for `body`.
    static func withTwoInstances(
        _ body: @Sendable (TestServer, TestServer, TestPostgres) async throws -> Void
    ) async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            try await TestServer.with(environment: ["DATABASE_URL": url]) { a in
                try await TestServer.with(environment: ["DATABASE_URL": url]) { b in
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
        }
    }

    @Test func readinessReportsTheStore() async throws {
        try await Self.withTwoInstances { a, _, postgres in
            let client = MCPTestClient(base: a.base)
            let ready = try await client.send(.GET, path: "/readyz", accept: nil)
            #expect(ready.body.contains(#""store":"up""#), "\(ready.body)")
            try await postgres.stop()
            // The store's state is what the last round trip found: a publication finds it down.
            await a.server.cluster?.toolListChanged(userID: "alice")
            let down = try await client.send(.GET, path: "/readyz", accept: nil)
            #expect(down.status == 200 && down.body.contains(#""store":"down""#), "\(down.body)")
            try await postgres.start()
        }
    }
}
