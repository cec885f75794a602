import Foundation
import JWTKit
import NIOHTTP1
import Testing

@testable import Application
@testable import Auth
@testable import Serving

/// Setup links and `/setup`: what a user who has not connected an integration gets, over real
/// HTTP, with the ActionKit provider against the sandbox.
@Suite struct SetupLinkTests {
    /// carol has not connected Google Calendar in the sandbox.
    static let unconnectedCall = MCPTestClient.call(2, "GOOGLE_CALENDAR_LIST_EVENTS", "{}")

    @Test func aNeedsConnectionAnswerLinksToAPageThatOpensThePortal() async throws {
        try await TestStack.withActionKit { sandbox, server, client in
            let carol = try await TestTokens.sign(sub: "carol")
            let session = try await client.initialize(token: carol)
            let call = try await client.send(body: Self.unconnectedCall, token: carol, session: session)
            #expect(call.result?["isError"] == nil, "relayed to the user, not an error")
            let text = try #require(TestStack.text(of: call.result))
            #expect(text.contains("[Connect Google Calendar](\(server.base)/setup?token="))
            let link = try #require(TestStack.setupLink(in: text))
            #expect(link.count < 300, "short enough for an agent to relay: \(link.count)")

            // The token carries who, what and until when, and no user token.
            let token = String(link.split(separator: "=", maxSplits: 1)[1])
            let claims = try #require(Self.claims(of: token))
            #expect(Set(claims.keys) == ["typ", "usr", "int", "prj", "exp"])
            #expect(claims["usr"] as? String == "carol" && claims["int"] as? String == "googleCalendar")
            #expect(claims["prj"] as? String == "sandbox-project")
            let expiry = try #require(claims["exp"] as? Double)
            #expect(abs(expiry - Date().timeIntervalSince1970 - 300) < 30)

            let page = try await client.send(.GET, path: "/setup?token=\(token)", accept: "text/html")
            #expect(page.status == 200)
            #expect(page.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
            #expect(page.headers.first(name: "Cache-Control")?.contains("no-store") == true)
            #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer")
            let policy = try #require(page.headers.first(name: "Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("script-src 'self' \(sandbox.base)"))
            #expect(!policy.contains("unsafe-eval") && !policy.contains("script-src 'self' 'unsafe-inline'"))
            #expect(page.body.contains(#"<script src="\#(sandbox.base)/sdk/index.js"></script>"#))
            let data = try #require(Self.pageData(page.body))
            #expect(data["integration"] as? String == "googleCalendar")
            #expect(data["projectId"] as? String == "sandbox-project")
            #expect(data["setupToken"] as? String == token)
            // A fresh, short-lived user token for the SDK.
            let login = try #require(data["loginToken"] as? String)
            let principal = try await TokenVerifier(signingKey: try TestTokens.key()).verify(login)
            #expect(principal.userID == "carol")
            #expect(try #require(principal.expiresAt).timeIntervalSinceNow < 16 * 60)

            let script = try await client.send(.GET, path: "/setup/setup.js", accept: "*/*")
            #expect(script.status == 200 && script.body.contains("paragon.connect"))
        }
    }

    @Test func missingForgedExpiredAndForeignTokensAreRefused() async throws {
        try await TestStack.withActionKit { _, server, client in
            let links = server.server.setupLinks
            let valid = try await links.token(userID: "carol", integration: "notion")
            let otherKey = try SigningKeys.generate()
            let foreign = await SetupLinks(
                signingKey: otherKey, publicURL: server.base, projectID: "sandbox-project", lifetimeSeconds: 300)
            let otherProject = await SetupLinks(
                signingKey: try TestTokens.key(), publicURL: server.base, projectID: "another", lifetimeSeconds: 300)
            var tampered = Array(valid)
            tampered[tampered.count - 5] = tampered[tampered.count - 5] == "A" ? "B" : "A"
            let refused = [
                "/setup", "/setup?token=", "/setup?token=nonsense",
                "/setup?token=\(String(tampered))",
                "/setup?token=\(try await links.token(userID: "carol", integration: "notion", now: Date() - 3600))",
                "/setup?token=\(try await foreign.token(userID: "carol", integration: "notion"))",
                "/setup?token=\(try await otherProject.token(userID: "carol", integration: "notion"))",
                // A user token is not a setup token.
                "/setup?token=\(try await TestTokens.sign(sub: "carol"))",
            ]
            for path in refused {
                let reply = try await client.send(.GET, path: path, accept: "text/html")
                #expect(reply.status == 400, "\(path)")
                #expect(reply.json?["error"] as? String == "Invalid token", "\(path)")
            }
            #expect(try await client.send(.GET, path: "/setup?token=\(valid)", accept: "text/html").status == 200)
            // Nor is a setup token a user token.
            #expect(try await client.send(body: MCPTestClient.initializeBody(), token: valid).status == 401)
            let complete = try await client.send(
                path: "/setup/complete", body: #"{"token":"\#(String(tampered))"}"#, accept: "*/*")
            #expect(complete.status == 400 && complete.json?["error"] as? String == "Invalid token")
        }
    }

    @Test func everythingPlacedInThePageIsEscaped() async throws {
        try await TestStack.withActionKit { _, server, client in
            let hostile = #"</script><script>alert("x")</script><!--'&"#
            let token = try await server.server.setupLinks.token(
                userID: #"<img src=x onerror=alert(1)>"#, integration: hostile)
            let page = try await client.send(.GET, path: "/setup?token=\(token)", accept: "text/html")
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("<img"))
            #expect(!page.body.contains("<!--"))
            #expect(page.body.contains("<title>Connect &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)"))
            // Exactly the page's own three script elements.
            #expect(page.body.components(separatedBy: "<script").count - 1 == 3)
            let data = try #require(Self.pageData(page.body))
            #expect(data["integration"] as? String == hostile, "the script still sees the real name")
        }
    }

    @Test func completingASetupRefreshesTheUsersToolsAndTellsOnlyTheirSessions() async throws {
        try await TestStack.withActionKit { sandbox, server, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let bob = try await TestTokens.sign(sub: "bob")
            let aliceSession = try await client.initialize(token: alice)
            let bobSession = try await client.initialize(token: bob)
            let aliceStream = try await client.events(path: "/mcp", token: alice, session: aliceSession)
            let bobStream = try await client.events(path: "/mcp", token: bob, session: bobSession)
            defer {
                aliceStream.cancel()
                bobStream.cancel()
            }
            #expect(aliceStream.status == 200 && bobStream.status == 200)
            sandbox.sandbox.requests.clear()
            let token = try await server.server.setupLinks.token(userID: "alice", integration: "notion")
            let complete = try await client.send(
                path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
            #expect(complete.status == 200)
            #expect(complete.json?["sessionsNotified"] as? Int == 1)
            #expect(sandbox.sandbox.requests.matching("/projects/sandbox-project/actions").count == 1, "refreshed")
            let received = try await MCPTestClient.firstMessage(aliceStream.events)
            #expect(received?.contains("notifications/tools/list_changed") == true)
        }
    }

    /// The JSON the page hands its script.
    static func pageData(_ html: String) -> [String: Any]? {
        guard let start = html.range(of: #"<script type="application/json" id="setup-data">"#)?.upperBound,
            let end = html[start...].range(of: "</script>")?.lowerBound
        else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(html[start..<end].utf8))) as? [String: Any]
    }

    /// A JWT's claims, decoded without verification.
    static func claims(of token: String) -> [String: Any]? {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
