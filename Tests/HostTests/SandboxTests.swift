import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Sandbox
import Testing

/// The offline Paragon over real HTTP: shapes, tokens, state, faults, the request log.
@Suite struct SandboxTests {
    @Test func actionKitListsActionsInParagonsShape() async throws {
        try await TestSandbox.with { sandbox in
            let token = try await TestTokens.sign(sub: "alice")
            let reply = try await sandbox.send(
                .GET, sandbox.project + "/actions?limit_to_available=false", token: token)
            #expect(reply.status == 200)
            let actions = try #require(reply.json?["actions"] as? [String: [[String: Any]]])
            #expect(Set(actions.keys) == ["slack", "googleCalendar", "salesforce", "hubspot", "notion", "github"])
            let send = try #require(actions["slack"]?.first)
            #expect(send["type"] as? String == "function")
            let function = try #require(send["function"] as? [String: Any])
            #expect(function["name"] as? String == "SLACK_SEND_MESSAGE")
            let parameters = try #require(function["parameters"] as? [String: Any])
            #expect(parameters["required"] as? [String] == ["channel", "text"])
            let available = try await sandbox.send(
                .GET, sandbox.project + "/actions?limit_to_available=true", token: token)
            let mine = try #require(available.json?["actions"] as? [String: Any])
            #expect(Set(mine.keys) == ["slack", "googleCalendar", "github"])
        }
    }

    @Test func runningActionsChangesTheUsersState() async throws {
        try await TestSandbox.with { sandbox in
            let alice = try await TestTokens.sign(sub: "alice")
            let sent = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: alice,
                body: """
                    {"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"#general","text":"hello sandbox"}}
                    """)
            #expect(sent.status == 200)
            #expect((sent.json?["id"] as? String)?.hasPrefix("msg-") == true)
            let listed = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: alice,
                body: """
                    {"action":"SLACK_LIST_MESSAGES","parameters":{"channel":"#general"}}
                    """)
            let items = try #require(listed.json?["items"] as? [[String: Any]])
            #expect(items.map { $0["text"] as? String } == ["hello sandbox"])
            let channels = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: alice,
                body: """
                    {"action":"SLACK_LIST_CHANNELS","parameters":{}}
                    """)
            #expect((channels.json?["items"] as? [Any])?.count == 2)
            // Another user's state is theirs alone.
            let bob = try await TestTokens.sign(sub: "bob")
            let other = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: bob,
                body: """
                    {"action":"HUBSPOT_LIST_CONTACTS","parameters":{}}
                    """)
            #expect((other.json?["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func errorsAsParagonSendsThem() async throws {
        try await TestSandbox.with { sandbox in
            let carol = try await TestTokens.sign(sub: "carol")
            let notEnabled = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: carol,
                body: """
                    {"action":"SLACK_SEND_MESSAGE","parameters":{"channel":"#x","text":"y"}}
                    """)
            #expect(notEnabled.status == 400)
            #expect(notEnabled.json?["message"] as? String == "Integration not enabled for user.")
            let unknown = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: carol,
                body: #"{"action":"NOPE","parameters":{}}"#)
            #expect(unknown.status == 404)
            let notJSON = try await sandbox.send(.POST, sandbox.project + "/actions", token: carol, body: "{{")
            #expect(notJSON.status == 400 && notJSON.json == nil && notJSON.body.hasPrefix("Bad Request"))
            let wrongProject = try await sandbox.send(.GET, sandbox.base + "/projects/other/actions", token: carol)
            #expect(wrongProject.status == 404)
        }
    }

    @Test func tokensAreVerifiedAsParagonDoes() async throws {
        try await TestSandbox.with { sandbox in
            let url = sandbox.project + "/actions"
            #expect(try await sandbox.send(.GET, url, token: nil).status == 401)
            #expect(try await sandbox.send(.GET, url, token: "garbage").status == 401)
            #expect(
                try await sandbox.send(.GET, url, token: try await TestTokens.sign(sub: "alice", expiresIn: -5)).status
                    == 401)
            #expect(try await sandbox.send(.GET, url, token: try await TestTokens.sign(sub: nil)).status == 401)
            #expect(
                try await sandbox.send(.GET, url, token: try TestTokens.hs256WithPublicKey(sub: "alice")).status == 401)
            let otherKey = try JWTKitKeys.fresh()
            #expect(
                try await sandbox.send(.GET, url, token: try await TestTokens.sign(sub: "alice", key: otherKey)).status
                    == 401)
        }
    }

    @Test func zeusListsBuiltInAndCustomIntegrations() async throws {
        try await TestSandbox.with { sandbox in
            let project = try await TestTokens.sign(sub: "sandbox-project")
            let reply = try await sandbox.send(.GET, sandbox.project + "/sdk/integrations", token: project)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]])
            let slack = try #require(list.first { $0["type"] as? String == "slack" })
            #expect(slack["customIntegrationId"] is NSNull)
            let spotify = try #require(list.first { $0["type"] as? String == "custom.spotify" })
            #expect(spotify["customIntegrationId"] as? String == "ci-spotify")
            #expect((spotify["customIntegration"] as? [String: Any])?["name"] as? String == "Spotify")
        }
    }

    @Test func theProxyAnswersForConnectedIntegrations() async throws {
        try await TestSandbox.with { sandbox in
            let alice = try await TestTokens.sign(sub: "alice")
            let relative = try await sandbox.send(
                .POST, sandbox.project + "/sdk/proxy/slack", token: alice, body: #"{"channel":"C1"}"#,
                headers: [("X-Paragon-Proxy-Url", "/chat.postMessage?x=1")])
            #expect(relative.status == 200)
            #expect(relative.json?["channel"] as? String == "C1", "Slack's API created the message")
            let history = try await sandbox.send(
                .GET, sandbox.project + "/sdk/proxy/slack", token: alice,
                headers: [("X-Paragon-Proxy-Url", "https://slack.com/api/conversations.history?channel=C1")])
            #expect((history.json?["items"] as? [[String: Any]])?.count == 1)
            let unknownPath = try await sandbox.send(
                .POST, sandbox.project + "/sdk/proxy/slack", token: alice, body: "{}",
                headers: [("X-Paragon-Proxy-Url", "/some.method?x=1")])
            #expect(unknownPath.json?["url"] as? String == "https://slack.com/api/some.method?x=1")
            #expect(unknownPath.json?["method"] as? String == "POST")
            let absolute = try await sandbox.send(
                .GET, sandbox.project + "/sdk/proxy/github", token: alice,
                headers: [("X-Paragon-Proxy-Url", "https://api.github.com/user/repos")])
            #expect(absolute.json?["url"] as? String == "https://api.github.com/user/repos")
            let refused = try await sandbox.send(
                .GET, sandbox.project + "/sdk/proxy/hubspot", token: alice, headers: [("X-Paragon-Proxy-Url", "/x")])
            #expect(refused.status == 400 && refused.body.contains("Integration not enabled for user."))
            // The request log shows exactly what arrived.
            let logged = try #require(
                sandbox.sandbox.requests.matching("/projects/sandbox-project/sdk/proxy/slack").first)
            #expect(logged.method == "POST")
            #expect(logged.headers["x-paragon-proxy-url"] == "/chat.postMessage?x=1")
            #expect(logged.headers["authorization"] == "Bearer \(alice)")
            #expect(logged.body == #"{"channel":"C1"}"#)
        }
    }

    @Test func faultsAreInjectedPerIntegrationOrAction() async throws {
        try await TestSandbox.with { sandbox in
            let alice = try await TestTokens.sign(sub: "alice")
            let control = sandbox.base + "/_sandbox/faults"
            func run() async throws -> MCPTestClient.Reply {
                try await sandbox.send(
                    .POST, sandbox.project + "/actions", token: alice,
                    body: #"{"action":"SLACK_LIST_CHANNELS","parameters":{}}"#)
            }
            _ = try await sandbox.send(
                .POST, control, token: nil,
                body: #"{"target":"SLACK_LIST_CHANNELS","kind":"rateLimited","value":7,"times":1}"#)
            let limited = try await run()
            #expect(limited.status == 429 && limited.headers.first(name: "Retry-After") == "7")
            #expect(try await run().status == 200, "times: 1 applies once")

            _ = try await sandbox.send(
                .POST, control, token: nil, body: #"{"target":"slack","kind":"serverError","value":503}"#)
            let unavailable = try await run()
            #expect(unavailable.status == 503 && unavailable.json == nil)

            _ = try await sandbox.send(.POST, control, token: nil, body: #"{"target":"slack","kind":"malformedJSON"}"#)
            let malformed = try await run()
            #expect(malformed.status == 200 && malformed.json == nil)

            _ = try await sandbox.send(
                .POST, control, token: nil, body: #"{"target":"slack","kind":"latency","value":300}"#)
            let start = ContinuousClock.now
            #expect(try await run().status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(300))

            _ = try await sandbox.send(.POST, control, token: nil, body: #"{"target":"slack","kind":"truncatedBody"}"#)
            await #expect(throws: (any Error).self) { _ = try await run() }

            _ = try await sandbox.send(
                .POST, control, token: nil, body: #"{"target":"slack","kind":"connectionReset"}"#)
            await #expect(throws: (any Error).self) { _ = try await run() }

            _ = try await sandbox.send(.DELETE, control, token: nil)
            #expect(try await run().status == 200)
        }
    }

    @Test func aSyntheticCatalogOfParagonsSize() async throws {
        let catalog = SandboxCatalog.synthetic(integrations: 130, actionsPerIntegration: 20)
        try await TestSandbox.with(catalog: catalog) { sandbox in
            let token = try await TestTokens.sign(sub: "alice")
            let reply = try await sandbox.send(
                .GET, sandbox.project + "/actions?limit_to_available=false", token: token)
            let actions = try #require(reply.json?["actions"] as? [String: [Any]])
            #expect(actions.count == 130)
            #expect(actions.values.map(\.count).reduce(0, +) == 2600)
            let names = Set(actions.values.joined().compactMap { ($0 as? [String: Any])?["function"] as? [String: Any] }
                .compactMap { $0["name"] as? String })
            #expect(names.count == 2600)
            #expect(names.isSuperset(of: ["SALESFORCE_CREATE_CONTACT", "GOOGLE_CALENDAR_CREATE_EVENT", "JIRA_CREATE_ISSUE"]))
            let run = try await sandbox.send(
                .POST, sandbox.project + "/actions", token: token,
                body: #"{"action":"HUBSPOT_CREATE_CONTACT","parameters":{"email":"ana@example.com"}}"#)
            #expect(
                run.status == 200
                    && (run.json?["parameters"] as? [String: Any])?["email"] as? String == "ana@example.com")
        }
    }

    @Test func aSyntheticCatalogLargerThanItsFileMakesNamesUp() {
        let catalog = SandboxCatalog.synthetic(integrations: 132, actionsPerIntegration: 22)
        #expect(catalog.integrations.count == 132 && catalog.integrations.allSatisfy { $0.actions.count == 22 })
        #expect(catalog.integrations[0].name == "salesforce" && catalog.integrations[0].displayName == "Salesforce")
        #expect(catalog.action(named: "GOOGLE_CALENDAR_CREATE_EVENT")?.0.name == "googleCalendar")
        #expect(catalog.action(named: "SALESFORCE_ACTION_21") != nil)
        #expect(catalog.integrations[131].name == "integration131")
        #expect(catalog.action(named: "INTEGRATION131_ACTION_0")?.1.effect.kind == .echo)
        #expect(Set(catalog.integrations.flatMap(\.actions).map(\.name)).count == 132 * 22)
        #expect(catalog.users.allSatisfy { $0.connected.count == 132 })
    }

    @Test func theConnectStandInConnectsWithAUserToken() async throws {
        try await TestSandbox.with { sandbox in
            let carol = try await TestTokens.sign(sub: "carol")
            let script = try await sandbox.send(.GET, sandbox.base + "/sdk/index.js", token: nil)
            #expect(script.status == 200 && script.body.contains("window.paragon"))
            let refused = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/connect", token: nil,
                body: #"{"token":"forged","integration":"slack"}"#)
            #expect(refused.status == 401)
            let connected = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/connect", token: nil,
                body: #"{"token":"\#(carol)","integration":"slack"}"#)
            #expect(connected.status == 200)
            #expect(sandbox.sandbox.state.isConnected("carol", "slack"))
        }
    }
}

/// The connect stand-in in a real headless browser (Debian's chromium and chromium-driver,
/// driven by Selenium from PyPI).
@Suite struct SandboxBrowserTests {
    @Test func clickingConnectConnectsTheIntegration() async throws {
        try await TestSandbox.with { sandbox in
            let carol = try await TestTokens.sign(sub: "carol")
            #expect(!sandbox.sandbox.state.isConnected("carol", "notion"))
            let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/browser_connect.py"
            let result = try await Subprocess.runAsync(
                "/usr/bin/env", ["python3", script, sandbox.base, carol, "notion"],
                environment: ProcessInfo.processInfo.environment)
            #expect(
                result.status == 0, "browser test failed (chromium, chromium-driver, pip selenium?): \(result.stderr)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(page["title"] as? String == "Connect notion")
            #expect(page["status"] as? String == "Connected")
            #expect(page["successes"] as? Int == 1)
            #expect(sandbox.sandbox.state.isConnected("carol", "notion"))
        }
    }
}
