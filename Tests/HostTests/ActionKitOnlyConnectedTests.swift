import Foundation
import Testing

/// `providers.actionkit.config.only_connected: true` end to end, on the sandbox: the tools of
/// the integrations the user has connected, and `CONNECT_INTEGRATION` for the project's others.
@Suite struct ActionKitOnlyConnectedTests {
    static func tools(_ client: MCPTestClient, token: String, session: String, id: Int) async throws -> [String:
        [String: Any]]
    {
        let list = try await client.send(body: MCPTestClient.request(id, "tools/list"), token: token, session: session)
        let tools = try #require(list.result?["tools"] as? [[String: Any]], "\(list.body)")
        return Dictionary(uniqueKeysWithValues: tools.map { ($0["name"] as! String, $0) })
    }

    static func offered(_ tools: [String: [String: Any]]) -> [String]? {
        let schema = tools["CONNECT_INTEGRATION"]?["inputSchema"] as? [String: Any]
        return ((schema?["properties"] as? [String: Any])?["integration"] as? [String: Any])?["enum"] as? [String]
    }

    @Test func onlyConnectedIntegrationsAndALinkForTheOthers() async throws {
        try await TestStack.withActionKit(providerConfig: "config:\n  only_connected: true", zeusOnSandbox: true) {
            sandbox, server, client in
            sandbox.sandbox.state.connect("dave", "slack")
            let dave = try await TestTokens.sign(sub: "dave")
            let session = try await client.initialize(token: dave)
            let tools = try await Self.tools(client, token: dave, session: session, id: 2)
            #expect(
                Set(tools.keys) == [
                    "SLACK_SEND_MESSAGE", "SLACK_LIST_MESSAGES", "SLACK_LIST_CHANNELS", "CONNECT_INTEGRATION",
                ])
            #expect(
                Self.offered(tools) == [
                    "custom.spotify", "github", "googleCalendar", "hubspot", "notion", "salesforce",
                ])
            let listing = try #require(sandbox.sandbox.requests.matching("/projects/sandbox-project/actions").first)
            #expect(listing.path.hasSuffix("?limit_to_available=true"))

            let call = try await client.send(
                body: MCPTestClient.call(3, "CONNECT_INTEGRATION", #"{"integration":"github"}"#), token: dave,
                session: session)
            #expect(call.result?["isError"] == nil, "\(call.body)")
            let text = try #require(TestStack.text(of: call.result))
            #expect(text.contains("GitHub (github) is not connected yet"), "\(text)")
            #expect(text.contains("[Connect GitHub](http://127.0.0.1:"), "\(text)")
            let connected = try await client.send(
                body: MCPTestClient.call(4, "CONNECT_INTEGRATION", #"{"integration":"slack"}"#), token: dave,
                session: session)
            #expect(connected.result?["isError"] as? Bool == true, "slack is connected: not offered")

            // The user connects GitHub through the setup page: their list is fetched anew.
            sandbox.sandbox.state.connect("dave", "github")
            let token = try await server.server.setupLinks.token(userID: "dave", integration: "github")
            let complete = try await client.send(
                path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
            #expect(complete.status == 200)
            let after = try await Self.tools(client, token: dave, session: session, id: 5)
            #expect(after["GITHUB_CREATE_ISSUE"] != nil)
            #expect(Self.offered(after) == ["custom.spotify", "googleCalendar", "hubspot", "notion", "salesforce"])
        }
    }

    @Test func withEveryIntegrationConnectedThereIsNothingToOffer() async throws {
        try await TestStack.withActionKit(
            environment: ["LIMIT_TO_INTEGRATIONS": "slack,github"], providerConfig: "config:\n  only_connected: yes",
            zeusOnSandbox: true
        ) { _, _, client in
            // alice has connected both integrations the server is limited to.
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            let tools = try await Self.tools(client, token: alice, session: session, id: 2)
            #expect(!tools.isEmpty && tools["CONNECT_INTEGRATION"] == nil, "\(tools.keys.sorted())")
        }
    }
}
