import Foundation
import Testing

@testable import Application

/// The 2024-11-05 HTTP+SSE transport over real HTTP.
@Suite struct LegacySSETests {
    @Test func theEndpointEventThenAnswersOnTheStream() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let sse = try await client.events(path: "/sse", token: token)
            #expect(sse.status == 200)
            var events = sse.events.makeAsyncIterator()
            let (name, announced) = try #require(try await events.next())
            #expect(name == "endpoint")
            // Relative to the stream's URL (so that a proxy's path prefix is kept).
            #expect(announced.hasPrefix("messages?sessionId="))
            let endpoint = "/" + announced
            #expect(server.server.sessions.count == 1)

            let posted = try await client.send(
                path: endpoint, body: MCPTestClient.initializeBody(version: "2024-11-05"),
                token: token)
            #expect(posted.status == 202)
            #expect(posted.body == "Accepted")
            var answer = ""
            while let (name, data) = try await events.next() {
                if name == "message" { answer = data; break }
            }
            #expect(answer.contains(#""protocolVersion":"2024-11-05""#))
            _ = try await client.send(
                path: endpoint, body: MCPTestClient.call(2, "EXAMPLE_ECHO", #"{"text":"via sse"}"#),
                token: token)
            while let (name, data) = try await events.next() {
                if name == "message" { answer = data; break }
            }
            #expect(answer.contains("via sse"))

            // Keep-alive comments flow while idle.
            var sawComment = false
            let deadline = ContinuousClock.now + .seconds(2)
            while !sawComment, ContinuousClock.now < deadline, let (name, _) = try await events.next() {
                sawComment = name == "comment"
            }
            #expect(sawComment)

            // A client that disconnects ends its session with nothing left behind.
            sse.cancel()
            _ = try await eventually(within: .seconds(5)) { server.server.sessions.count == 0 }
            #expect(server.server.sessions.count == 0)
            let late = try await client.send(path: endpoint, body: MCPTestClient.request(3, "ping"), token: token)
            #expect(late.status == 404)
            #expect(late.body.contains("No transport found for sessionId"))
        }
    }

    @Test func postingNeedsATokenOfTheStreamsUser() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let alice = try await TestTokens.sign(sub: "alice")
            let sse = try await client.events(path: "/sse", token: alice)
            defer { sse.cancel() }
            var events = sse.events.makeAsyncIterator()
            let (_, announced) = try #require(try await events.next())
            let endpoint = "/" + announced
            let anonymous = try await client.send(path: endpoint, body: MCPTestClient.initializeBody())
            #expect(anonymous.status == 401)
            let bob = try await client.send(
                path: endpoint, body: MCPTestClient.initializeBody(),
                token: try await TestTokens.sign(sub: "bob"))
            #expect(bob.status == 403)
            let rotated = try await client.send(
                path: endpoint, body: MCPTestClient.initializeBody(),
                token: try await TestTokens.sign(sub: "alice", expiresIn: 99))
            #expect(rotated.status == 202)
            let unknown = try await client.send(
                path: "/messages?sessionId=nope", body: MCPTestClient.initializeBody(),
                token: alice)
            #expect(unknown.status == 404)
            let noAuthStream = try await client.send(.GET, path: "/sse", accept: "text/event-stream")
            #expect(noAuthStream.status == 401)
        }
    }

    @Test func disabledMeansNotFound() async throws {
        try await TestServer.with(environment: ["ENABLE_LEGACY_SSE": "false"]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            #expect(try await client.send(.GET, path: "/sse", token: token, accept: "text/event-stream").status == 404)
            #expect(try await client.send(path: "/messages?sessionId=x", body: "{}", token: token).status == 404)
        }
    }
}
