import AsyncHTTPClient
import Foundation
import JSONCore
import NIOCore
import NIOHTTP1
import Testing

@testable import Application
@testable import Auth

/// What standard clients, browsers and proxies need of the HTTP transports, over real HTTP:
/// the legacy endpoint they are told, CORS, batches, cancellation, per-user session caps,
/// tokens of the same user, loopback hosts.
@Suite struct TransportBehaviourTests {
    @Test func theLegacyEndpointCarriesTheDevelopmentUserAndResolvesUnderAnyPrefix() async throws {
        try await TestServer.with(environment: ["NODE_ENV": "development"]) { server in
            let client = MCPTestClient(base: server.base)
            let sse = try await client.events(path: "/sse?user=al%20ice")
            var events = sse.events.makeAsyncIterator()
            let (_, endpoint) = try #require(try await events.next())
            #expect(endpoint.hasPrefix("messages?sessionId=") && endpoint.hasSuffix("&user=al%20ice"))
            // Resolved against the stream's URL, as clients do (RFC 3986 §5).
            let resolved = try #require(
                URL(string: endpoint, relativeTo: URL(string: server.base + "/sse?user=al%20ice")))
            #expect(resolved.absoluteURL.path == "/messages")
            // The client posts where it was told, with no token, and is the stream's user.
            let path = "/" + endpoint
            let posted = try await client.send(path: path, body: MCPTestClient.initializeBody(version: "2024-11-05"))
            #expect(posted.status == 202)
            let bob = try await client.send(path: path.replacingOccurrences(of: "al%20ice", with: "bob"), body: "{}")
            #expect(bob.status == 403)
            // Behind a proxy mounting the server at /paragon, the same reference names /paragon/messages.
            let proxied = try #require(
                URL(string: endpoint, relativeTo: URL(string: "https://mcp.example.com/paragon/sse")))
            #expect(proxied.absoluteURL.path == "/paragon/messages")
            sse.cancel()
        }
    }

    @Test func corsServesAllowedOriginsOnly() async throws {
        try await TestServer.with(environment: ["MCP_ALLOWED_ORIGINS": "https://inspector.example.com"]) { server in
            let client = MCPTestClient(base: server.base)
            let allowed = "https://inspector.example.com"
            for path in ["/mcp", "/sse", "/messages", "/setup/complete"] {
                let preflight = try await client.send(
                    .OPTIONS, path: path,
                    headers: [
                        ("Origin", allowed), ("Access-Control-Request-Method", "POST"),
                        ("Access-Control-Request-Headers", "authorization, content-type, mcp-session-id"),
                    ], contentType: nil)
                #expect(preflight.status == 204, "\(path)")
                #expect(preflight.headers.first(name: "Access-Control-Allow-Origin") == allowed)
                let headers = preflight.headers.first(name: "Access-Control-Allow-Headers") ?? ""
                for name in ["Authorization", "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version"] {
                    #expect(headers.contains(name), "\(name)")
                }
                #expect(preflight.headers.first(name: "Access-Control-Allow-Methods")?.contains("DELETE") == true)
            }
            let stranger = try await client.send(
                .OPTIONS, path: "/mcp",
                headers: [("Origin", "https://evil.example.com"), ("Access-Control-Request-Method", "POST")],
                contentType: nil)
            #expect(stranger.status == 403)
            #expect(stranger.headers.first(name: "Access-Control-Allow-Origin") == nil)

            let token = try await TestTokens.sign(sub: "alice")
            let initialized = try await client.send(
                body: MCPTestClient.initializeBody(), token: token, headers: [("Origin", allowed)])
            #expect(initialized.status == 200)
            #expect(initialized.headers.first(name: "Access-Control-Allow-Origin") == allowed)
            #expect(
                initialized.headers.first(name: "Access-Control-Expose-Headers")?.contains("Mcp-Session-Id") == true)
            // Errors carry the headers too, so a browser can read why.
            let refused = try await client.send(body: MCPTestClient.initializeBody(), headers: [("Origin", allowed)])
            #expect(refused.status == 401)
            #expect(refused.headers.first(name: "Access-Control-Allow-Origin") == allowed)
            // No Origin, no CORS headers.
            let plain = try await client.send(body: MCPTestClient.initializeBody(), token: token)
            #expect(plain.headers.first(name: "Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func batchesWorkOnSessionsOf2025_03_26Only() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let old = try await client.send(body: MCPTestClient.initializeBody(version: "2025-03-26"), token: token)
            let oldSession = try #require(old.headers.first(name: "Mcp-Session-Id"))
            let batch = """
                [\(MCPTestClient.request(2, "ping")),{"jsonrpc":"2.0","method":"notifications/initialized"},
                \(MCPTestClient.call(3, "EXAMPLE_ECHO", #"{"text":"in a batch"}"#)),{"jsonrpc":"2.0","id":4}]
                """
            let answered = try await client.send(body: batch, token: token, session: oldSession)
            #expect(answered.status == 200)
            let answers = try #require(
                try JSONSerialization.jsonObject(with: Data(answered.body.utf8)) as? [[String: Any]])
            #expect(answers.map { $0["id"] as? Int } == [2, 3, 4])
            #expect(answered.body.contains("in a batch"))
            #expect((answers[2]["error"] as? [String: Any])?["code"] as? Int == -32600)
            let notifications = try await client.send(
                body: #"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#, token: token, session: oldSession)
            #expect(notifications.status == 202)
            let empty = try await client.send(body: "[]", token: token, session: oldSession)
            #expect(empty.status == 400 && empty.errorCode == -32600)

            let current = try await client.initialize(token: token)
            let refused = try await client.send(
                body: "[\(MCPTestClient.request(2, "ping"))]", token: token, session: current)
            #expect(refused.status == 400 && refused.errorCode == -32600)
            #expect(refused.body.contains("2025-11-25"))
        }
    }

    @Test func aUsersSessionCapClosesTheirOldestIdleSessionAndSparesOthers() async throws {
        try await TestServer.with(environment: ["MCP_MAX_SESSIONS_PER_USER": "2", "MCP_MAX_SESSIONS": "5"]) { server in
            let client = MCPTestClient(base: server.base)
            let alice = try await TestTokens.sign(sub: "alice")
            let bob = try await TestTokens.sign(sub: "bob")
            let first = try await client.initialize(token: alice)
            let second = try await client.initialize(token: alice)
            // Use the first, so the second is the least recently used.
            #expect(
                try await client.send(body: MCPTestClient.request(2, "ping"), token: alice, session: first).status
                    == 200)
            let third = try await client.initialize(token: alice)
            #expect(
                try await client.send(body: MCPTestClient.request(2, "ping"), token: alice, session: second).status
                    == 404)
            for session in [first, third] {
                #expect(
                    try await client.send(body: MCPTestClient.request(3, "ping"), token: alice, session: session).status
                        == 200)
            }
            // Bob is not affected by alice's cap.
            _ = try await client.initialize(token: bob)
            // With both of alice's sessions busy (an open stream each), there is no room: 503 naming the cap.
            let streams = [
                try await client.events(path: "/mcp", token: alice, session: first),
                try await client.events(path: "/mcp", token: alice, session: third),
            ]
            let refused = try await client.send(body: MCPTestClient.initializeBody(), token: alice)
            #expect(refused.status == 503)
            #expect(refused.body.contains("MCP_MAX_SESSIONS_PER_USER"))
            streams.forEach { $0.cancel() }
            // The global cap stays, and says so.
            _ = try await client.initialize(token: try await TestTokens.sign(sub: "carol"))
            _ = try await client.initialize(token: try await TestTokens.sign(sub: "dave"))
            let full = try await client.send(
                body: MCPTestClient.initializeBody(), token: try await TestTokens.sign(sub: "erin"))
            #expect(full.status == 503 && full.body.contains("MCP_MAX_SESSIONS ="))
        }
    }

    @Test func freshTokensOfOneUserNeverStrandTheirSession() async throws {
        // Development mode under concurrency: tokens minted for ?user= at the same moment, and an
        // app minting a token per request, all continue the one session.
        try await TestServer.with(environment: ["NODE_ENV": "development"]) { server in
            let client = MCPTestClient(base: server.base)
            let session = try await client.initialize(token: nil, path: "/mcp?user=alice")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask {
                        if index % 2 == 0 {
                            return try await client.send(
                                path: "/mcp?user=alice", body: MCPTestClient.request(index + 10, "ping"),
                                session: session
                            ).status
                        }
                        let token = try await TestTokens.sign(sub: "alice", expiresIn: 3600 + Double(index))
                        return try await client.send(
                            body: MCPTestClient.request(index + 10, "ping"), token: token, session: session
                        ).status
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses.filter { $0 != 200 })")
        }
    }

    @Test func tokensTheServerMintsUseWholeSeconds() async throws {
        let key = try TestTokens.key()
        let token = try await TokenSigner(signingKey: key).userToken(for: "alice")
        let payload = try #require(Self.payload(of: token))
        let claims = try JSONValue.parse(Array(payload.utf8))
        guard case .integer(let issued)? = claims["iat"], case .integer(let expires)? = claims["exp"] else {
            Issue.record("iat and exp must be whole seconds: \(payload)")
            return
        }
        #expect(expires - issued == 7 * 24 * 3600)
    }

    /// A JWT's payload as its JSON text (not verified).
    static func payload(of token: String) -> String? {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func loopbackHostsOnAnyPortAndRefusalsNameTheVariable() async throws {
        try await TestServer.with(environment: ["MCP_SERVER_URL": "https://mcp.example.com"]) { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            for host in ["localhost:8080", "127.0.0.1:1", "[::1]:3001"] {
                let reply = try await client.send(
                    body: MCPTestClient.initializeBody(), token: token, headers: [("Host", host)])
                #expect(reply.status == 200, "\(host)")
            }
            let refused = try await client.send(
                body: MCPTestClient.initializeBody(), token: token, headers: [("Host", "attacker.example:8080")])
            #expect(refused.status == 403 && refused.body.contains("MCP_ALLOWED_HOSTS"))
        }
    }

    @Test func argumentsAreReadLenientlyUnlessStrictIsAsked() async throws {
        let schema =
            #"{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\"},\"flag\":{\"type\":\"boolean\"},\"note\":{\"type\":\"string\"}},\"required\":[\"limit\"]}"#
        let lenient = try CCompiler.fixture(
            "coerce", "FIXTURE_TOOL_NAME=\"TYPED\"", "FIXTURE_TOOL_SCHEMA=\"\(schema)\"")
        for (yaml, accepted) in [("", true), ("validation: {coerce: false}", false)] {
            try await TestServer.with(yaml: yaml, providers: [("typed", lenient, "")]) { server in
                let client = MCPTestClient(base: server.base)
                let token = try await TestTokens.sign(sub: "alice")
                let session = try await client.initialize(token: token)
                let reply = try await client.send(
                    body: MCPTestClient.call(2, "TYPED", #"{"limit":"5","flag":"false","note":null}"#), token: token,
                    session: session)
                #expect((reply.result?["isError"] as? Bool ?? false) == !accepted, "\(yaml): \(reply.body)")
                // Never lenient about what cannot be read exactly.
                let wrong = try await client.send(
                    body: MCPTestClient.call(3, "TYPED", #"{"limit":"five"}"#), token: token, session: session)
                #expect(wrong.result?["isError"] as? Bool == true)
            }
        }
    }
}
