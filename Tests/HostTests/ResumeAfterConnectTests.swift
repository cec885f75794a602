import Foundation
import JWTKit
import Testing

@testable import MCPCore

extension ExternalClients {
    /// Connect, then resume: a call on an integration the user has not connected asks, through a
    /// URL elicitation to the setup page, for the account; the user connects it in the sandbox's
    /// Connect Portal (a real headless browser); the call then completes. In both eras, with the
    /// `requestState` of 2026-07-28 refused when tampered, expired, foreign, for another call or
    /// replayed; clients without URL elicitation keep today's text link. One test at a time: three
    /// of them start a browser, which on two cores starves the rest of the suite.
    @Suite struct ResumeAfterConnectTests {
        static let tool = "GOOGLE_CALENDAR_LIST_EVENTS"

        /// Opens `link` in headless Chromium and clicks Connect; expects the page to report success.
        static func connectInBrowser(_ link: String) async throws {
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/setup_browser.py"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env", ["python3", script, link], environment: ProcessInfo.processInfo.environment)
            #expect(result.status == 0, "browser failed (chromium, chromium-driver, pip selenium?): \(result.stderr)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(page["state"] as? String == "connected", "\(page)")
        }

        static func inputRequest(_ result: [String: Any]?) -> [String: Any]? {
            ((result?["inputRequests"] as? [String: Any])?["connect"] as? [String: Any])
        }

        @Test func aModernCallAsksForTheConnectionAndResumesOnceConnected() async throws {
            try await TestStack.withActionKit { sandbox, server, client in
                let carol = StatelessClient(
                    client: client, token: try await TestTokens.sign(sub: "carol"),
                    capabilities: StatelessClient.urlElicitation)
                let listen = try await carol.listen()
                defer { listen.cancel() }
                var events = listen.events.makeAsyncIterator()
                _ = try await events.next()  // the acknowledgement

                let first = try await carol.call(Self.tool)
                #expect(first.status == 200)
                let result = try #require(first.result, "\(first.body)")
                #expect(result["resultType"] as? String == "input_required")
                #expect(result["ttlMs"] == nil && result["cacheScope"] == nil, "no cache hints on an interim result")
                let request = try #require(Self.inputRequest(result))
                #expect(request["method"] as? String == "elicitation/create")
                let params = try #require(request["params"] as? [String: Any])
                #expect(params["mode"] as? String == "url")
                #expect((params["message"] as? String)?.contains("Google Calendar") == true)
                let link = try #require(params["url"] as? String)
                #expect(link.hasPrefix(server.base + "/setup?token="))
                let state = try #require(result["requestState"] as? String)
                let accept = #""inputResponses":{"connect":{"action":"accept"}},"requestState":"\#(state)""#

                // Attacker input: tampered, foreign, for another call, expired.
                var tampered = Array(state)
                tampered[tampered.count / 2] = tampered[tampered.count / 2] == "A" ? "B" : "A"
                let forged = try await carol.call(Self.tool, more: #""requestState":"\#(String(tampered))""#)
                #expect(forged.status == 400 && forged.errorCode == -32602, "tampered: \(forged.body)")
                let dave = StatelessClient(
                    client: client, token: try await TestTokens.sign(sub: "dave"),
                    capabilities: StatelessClient.urlElicitation)
                let foreign = try await dave.call(Self.tool, more: accept)
                #expect(foreign.status == 400 && foreign.errorCode == -32602, "foreign: \(foreign.body)")
                let other = try await carol.call(Self.tool, arguments: #"{"calendarId":"x"}"#, more: accept)
                #expect(other.status == 400 && other.errorCode == -32602, "another call: \(other.body)")
                let key = RequestStateSeal.derivedKey(from: Array(try TestTokens.key().derRepresentation))
                let stale = RequestStateSeal(key: key).seal(
                    RequestState(
                        userID: "carol", tool: Self.tool, arguments: .object([:]), integration: "googleCalendar",
                        expiresAt: Int(Date().timeIntervalSince1970) - 1))
                let expired = try await carol.call(Self.tool, more: #""requestState":"\#(stale)""#)
                #expect(expired.status == 400 && expired.errorCode == -32602, "expired: \(expired.body)")
                #expect(expired.body.contains("expired"))

                // Retried before the user connected: asked again, with the same state.
                let early = try await carol.call(Self.tool, id: "2", more: accept)
                #expect(early.result?["resultType"] as? String == "input_required")
                #expect(early.result?["requestState"] as? String == state)

                try await Self.connectInBrowser(link)
                #expect(sandbox.sandbox.state.isConnected("carol", "googleCalendar"))
                var told = false
                while !told, let (name, data) = try await events.next() {
                    told = name == "message" && data.contains("notifications/tools/list_changed")
                }
                #expect(told, "the listen stream is told the user's tools changed")

                let resumed = try await carol.call(Self.tool, id: "3", more: accept)
                #expect(resumed.status == 200)
                #expect(resumed.result?["resultType"] as? String == "complete", "\(resumed.body)")
                #expect(TestStack.text(of: resumed.result)?.contains("not connected") == false)
                let replayed = try await carol.call(Self.tool, id: "4", more: accept)
                #expect(replayed.status == 400 && replayed.errorCode == -32602, "replayed: \(replayed.body)")
            }
        }

        @Test func clientsWithoutURLElicitationKeepTheTextLink() async throws {
            try await TestStack.withActionKit { _, _, client in
                let erin = StatelessClient(client: client, token: try await TestTokens.sign(sub: "erin"))
                let modern = try await erin.call(Self.tool)
                #expect(modern.result?["resultType"] as? String == "complete")
                let text = try #require(TestStack.text(of: modern.result))
                #expect(text.contains("not connected") && TestStack.setupLink(in: text) != nil)
                let session = try await client.initialize(token: erin.token)
                let old = try await client.send(
                    body: MCPTestClient.call(2, Self.tool), token: erin.token, session: session)
                #expect(TestStack.text(of: old.result)?.contains("not connected") == true)
            }
        }

        /// 2025-11-25 with URL elicitation declared: error -32042 carrying the elicitation, and
        /// `notifications/elicitation/complete` on the session's stream once the page reports success.
        @Test func aHandshakeSessionGetsTheURLElicitationError() async throws {
            try await TestStack.withActionKit { sandbox, _, client in
                let frank = try await TestTokens.sign(sub: "frank")
                let initialize =
                    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"elicitation":{"url":{}}},"clientInfo":{"name":"tests","version":"1"}}}"#
                let opened = try await client.send(body: initialize, token: frank)
                let session = try #require(opened.headers.first(name: "Mcp-Session-Id"))
                let stream = try await client.events(path: "/mcp", token: frank, session: session)
                defer { stream.cancel() }
                let call = try await client.send(body: MCPTestClient.call(2, Self.tool), token: frank, session: session)
                #expect(call.errorCode == -32042, "\(call.body)")
                let error = call.json?["error"] as? [String: Any]
                let elicitation = try #require(
                    ((error?["data"] as? [String: Any])?["elicitations"] as? [[String: Any]])?.first)
                #expect(elicitation["mode"] as? String == "url")
                let id = try #require(elicitation["elicitationId"] as? String)
                let link = try #require(elicitation["url"] as? String)

                try await Self.connectInBrowser(link)
                #expect(sandbox.sandbox.state.isConnected("frank", "googleCalendar"))
                var completed = false
                var events = stream.events.makeAsyncIterator()
                while !completed, let (name, data) = try await events.next() {
                    completed =
                        name == "message" && data.contains("notifications/elicitation/complete") && data.contains(id)
                }
                #expect(completed)
                let retried = try await client.send(
                    body: MCPTestClient.call(3, Self.tool), token: frank, session: session)
                #expect(retried.result?["isError"] == nil && retried.errorCode == nil, "\(retried.body)")
                #expect(TestStack.text(of: retried.result)?.contains("not connected") == false)
            }
        }

        /// The official Python SDK: in automatic mode it lands on 2026-07-28, in legacy mode on
        /// 2025-11-25; either way its URL-elicitation callback sees the setup URL, a browser
        /// connects the account, and the call's result comes back.
        @Test(arguments: ["auto", "legacy"])
        func thePythonSDKResumesTheCallAfterTheConnect(mode: String) async throws {
            try await TestStack.withActionKit { sandbox, server, _ in
                let user = "python-\(mode)"
                let token = try await TestTokens.sign(sub: user)
                let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/modern_client.py"
                let browser = TestPaths.packageRoot + "/Tests/HostTests/Clients/setup_browser.py"
                let result = try await Subprocess.runAsync(
                    "/usr/bin/env",
                    [
                        "timeout", "120", "python3", script, "--url", server.base + "/mcp", "--token", token, "--mode",
                        mode,
                        "--call", Self.tool, "--arguments", "{}", "--elicit-open", browser,
                    ], environment: ProcessInfo.processInfo.environment)
                #expect(result.status == 0, "python client failed: \(result.stderr)")
                let summary = try #require(
                    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                    "\(result.stdout)")
                #expect(summary["protocolVersion"] as? String == (mode == "auto" ? "2026-07-28" : "2025-11-25"))
                #expect((summary["tools"] as? [String])?.contains(Self.tool) == true)
                let elicitations = summary["elicitations"] as? [[String: Any]] ?? []
                #expect(elicitations.count == 1, "\(summary)")
                #expect((elicitations.first?["url"] as? String)?.hasPrefix(server.base + "/setup?token=") == true)
                #expect(sandbox.sandbox.state.isConnected(user, "googleCalendar"))
                let call = summary["call"] as? [String: Any]
                let text = ((call?["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
                #expect(!text.isEmpty && !text.contains("not connected"), "\(summary)")
            }
        }
    }
}
