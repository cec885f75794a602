import Foundation
import Testing

@testable import Application
@testable import Auth

/// The logs of a whole run, at the most verbose level, as JSON lines: each request's id follows
/// it into the provider's lines and upstream; no user token, signing key, setup token or request
/// body ever shows.
@Suite struct LogRedactionTests {
    @Test func aFullRunAtTraceLevelLogsNoSecretAndTagsRequests() async throws {
        let port = try TestServer.freePort()
        let pem = try TestKeys.privateKeyPEM()
        let child = try ChildProcess(
            [],
            environment: [
                "PORT": "\(port)", "SIGNING_KEY": pem, "LOG_LEVEL": "trace", "LOG_FORMAT": "json",
                "ENABLE_PROXY_API_TOOL": "true",
            ],
            directory: TestPaths.scratch("redaction"))
        let log = ChildLog(child)
        try await log.wait(for: "listening on")
        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        let marker = "body-marker-7f3a9c"

        // A user with nothing connected gets a setup link, opens it and completes it.
        let carol = try await TestTokens.sign(sub: "carol")
        let carolSession = try await client.initialize(token: carol)
        _ = try await client.send(body: MCPTestClient.request(2, "tools/list"), token: carol, session: carolSession)
        let unconnected = MCPTestClient.call(3, "GOOGLE_CALENDAR_LIST_EVENTS", #"{"q":"\#(marker)"}"#)
        let answer = try await client.send(body: unconnected, token: carol, session: carolSession)
        let link = try #require(TestStack.text(of: answer.result).flatMap(TestStack.setupLink), "\(answer.body)")
        let setupToken = String(link.split(separator: "=", maxSplits: 1)[1])
        #expect(try await client.send(.GET, path: "/setup?token=\(setupToken)", accept: "text/html").status == 200)
        let done = try await client.send(path: "/setup/complete", body: #"{"token":"\#(setupToken)"}"#, accept: "*/*")
        #expect(done.status == 200)

        // A connected user runs an action and a proxy request; a stranger is refused.
        let alice = try await TestTokens.sign(sub: "alice")
        let aliceSession = try await client.initialize(token: alice)
        let sent = try await client.send(
            body: MCPTestClient.call(4, "SLACK_SEND_MESSAGE", ##"{"channel":"#general","text":"\##(marker)"}"##),
            token: alice, session: aliceSession)
        #expect(sent.result?["isError"] == nil, "\(sent.body)")
        let proxied = try await client.send(
            body: MCPTestClient.call(
                5, "CALL_API_REQUEST",
                #"{"integration":"github","method":"POST","url":"https://api.github.com/user/repos?secret=\#(marker)","body":{"name":"\#(marker)"}}"#
            ), token: alice, session: aliceSession)
        #expect(proxied.status == 200, "\(proxied.body)")
        let forged = try await TestTokens.sign(sub: "mallory", key: try SigningKeys.generate())
        #expect(try await client.send(body: MCPTestClient.initializeBody(), token: forged).status == 401)
        #expect(try await log.stop() == 0)

        let text = log.text
        let keyLines = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") && $0.count > 20 }
        for (name, secret) in [
            ("carol's token", carol), ("alice's token", alice), ("a forged token", forged),
            ("the setup token", setupToken), ("a request body", marker),
        ] + keyLines.map({ ("the key", String($0)) }) {
            #expect(!text.contains(secret), "\(name) is in the logs")
        }
        // Also no token's signature alone (a log line might cut a token short).
        for token in [carol, alice, setupToken] {
            #expect(!text.contains(String(token.split(separator: ".").last ?? "")))
        }

        let lines = text.split(separator: "\n").map(String.init)
        let objects = lines.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(objects.count == lines.count, "every line is a JSON object")
        #expect(objects.contains { $0["level"] as? String == "trace" || $0["level"] as? String == "debug" })
        // The action's request id is on the provider's own line and on its upstream request.
        let action = try #require(
            objects.first { ($0["message"] as? String)?.contains("running action SLACK_SEND_MESSAGE") == true })
        #expect(action["provider"] as? String == "actionkit")
        let request = try #require(action["request"] as? String)
        #expect(
            objects.contains {
                $0["request"] as? String == request && ($0["message"] as? String)?.hasPrefix("upstream POST") == true
            })
    }
}
