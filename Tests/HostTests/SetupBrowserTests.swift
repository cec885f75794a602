import Foundation
import Testing

extension ExternalClients {
    /// The whole connect-your-account loop in a real headless browser: a call answers with a setup
    /// link; the browser opens it and clicks Connect in the sandbox's Connect Portal; the session
    /// is told its tools changed; the same call now succeeds.
    @Suite struct SetupBrowserTests {
        @Test func connectingThroughTheSetupLinkMakesTheCallSucceed() async throws {
            try await TestStack.withActionKit { sandbox, _, client in
                let carol = try await TestTokens.sign(sub: "carol")
                let session = try await client.initialize(token: carol)
                let stream = try await client.events(path: "/mcp", token: carol, session: session)
                defer { stream.cancel() }
                let first = try await client.send(body: SetupLinkTests.unconnectedCall, token: carol, session: session)
                let text = try #require(TestStack.text(of: first.result))
                let link = try #require(TestStack.setupLink(in: text))
                #expect(!sandbox.sandbox.state.isConnected("carol", "googleCalendar"))

                let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/setup_browser.py"
                let result = try await Subprocess.runAsync(
                    "/usr/bin/env", ["python3", script, link], environment: ProcessInfo.processInfo.environment)
                #expect(
                    result.status == 0,
                    "browser test failed (chromium, chromium-driver, pip selenium?): \(result.stderr)")
                let page = try #require(
                    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                #expect(page["title"] as? String == "Connect googleCalendar")
                #expect(page["state"] as? String == "connected", "\(page)")
                #expect((page["errors"] as? [String])?.isEmpty == true, "no CSP violations or script errors: \(page)")
                #expect(sandbox.sandbox.state.isConnected("carol", "googleCalendar"))

                var events = stream.events.makeAsyncIterator()
                var notified = false
                while !notified, let (name, data) = try await events.next() {
                    notified = name == "message" && data.contains("notifications/tools/list_changed")
                }
                #expect(notified)
                let second = try await client.send(body: SetupLinkTests.unconnectedCall, token: carol, session: session)
                #expect(second.result?["isError"] == nil)
                #expect(TestStack.text(of: second.result)?.contains("not connected") == false, "\(second.body)")
            }
        }
    }
}
