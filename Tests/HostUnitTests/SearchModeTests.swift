import JSONCore
import Logging
import Synchronization
import Testing

@testable import MCPCore
@testable import Observability
@testable import Settings

/// A few tools of three apps, in memory; counts the calls that reach it.
private final class CatalogProvider: ToolProvider, Sendable {
    let name = "memory"
    private let calls = Mutex<[String]>([])

    static let tools = #"""
        [{"name":"SLACK_SEND_MESSAGE","integration":"slack","title":"Slack: Send Message","description":"Send a message to a Slack channel.","inputSchema":{"type":"object","properties":{"channel":{"type":"string","description":"Channel name"},"text":{"type":"string"}},"required":["channel","text"]},"annotations":{"readOnlyHint":false}},
         {"name":"SLACK_LIST_CHANNELS","integration":"slack","description":"List the workspace's channels.","inputSchema":{"type":"object"}},
         {"name":"HUBSPOT_CREATE_CONTACT","integration":"hubspot","description":"Create a contact record in HubSpot.","inputSchema":{"type":"object","properties":{"email":{"type":"string"}},"required":["email"]}},
         {"name":"HUBSPOT_DELETE_CONTACT","integration":"hubspot","description":"Delete a contact record from HubSpot.","inputSchema":{"type":"object","properties":{"id":{"type":"string"}}}},
         {"name":"GOOGLE_CALENDAR_CREATE_EVENT","integration":"googleCalendar","description":"Create an event in Google Calendar.","inputSchema":{"type":"object"}}]
        """#

    var called: [String] { calls.withLock { $0 } }

    func listTools(for user: UserIdentity, requestID: String, timeout: Duration) async -> ProviderOutcome {
        .result(Array(Self.tools.utf8))
    }

    func callTool(
        _ name: String, arguments: [UInt8], for user: UserIdentity, requestID: String, timeout: Duration
    ) async -> ProviderOutcome {
        calls.withLock { $0.append(name) }
        return .result(Array(#"{"content":[{"type":"text","text":"ran \#(name)"}]}"#.utf8))
    }

    func destroy() async {}
}

/// Slack connected, nothing else.
private struct SlackConnected: ConnectionSetup {
    var linkLifetimeSeconds: Int { 600 }
    func link(userID: String, integration: String, elicitationID: String?) async throws -> String { "https://setup/" }
    func displayName(of integration: String, token: String) async -> String { integration.capitalized }
    func connectedIntegrations(userID: String, token: String) async -> Set<String>? { ["slack"] }
}

@Suite struct SearchModeTests {
    private let provider = CatalogProvider()

    private func dispatcher(
        _ settings: ToolPresentationSettings = ToolPresentationSettings(mode: .search),
        limits: ToolLimits = ToolLimits(tools: [])
    ) -> MCPDispatcher {
        let registry = ToolRegistry(
            providers: [provider], filter: ToolFilter(limits), callTimeout: .seconds(5),
            presentation: ToolPresentation(settings), logger: Logger(label: "unit"))
        return MCPDispatcher(
            registry: LiveRegistry(registry), connectionSetup: SlackConnected(), metrics: ServerMetrics(),
            logger: Logger(label: "unit"))
    }

    private func caller(_ version: String = "2025-06-18", client: String = "", mode: ToolMode? = nil) -> Caller {
        Caller(
            identity: UserIdentity(userID: "alice", token: "t"), protocolVersion: version, era: .handshake,
            clientName: client, toolMode: mode)
    }

    private func listed(_ dispatcher: MCPDispatcher, _ caller: Caller) async throws -> [String] {
        let page = try await dispatcher.listTools(nil, caller: caller, requestID: "r").get()
        return (try JSONValue.parse(page)["tools"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    private func call(_ dispatcher: MCPDispatcher, _ name: String, _ arguments: JSONValue, caller: Caller? = nil)
        async throws -> JSONValue
    {
        let params: JSONValue = ["name": .string(name), "arguments": arguments]
        switch try await dispatcher.callTool(params, caller: caller ?? self.caller(), requestID: "r").get() {
        case .value(let value): return value
        case .serialized(let bytes): return try JSONValue.parse(bytes)
        }
    }

    /// The JSON a meta-tool answered as text.
    private func answer(_ result: JSONValue) throws -> JSONValue {
        try JSONValue.parse(Array((result["content"]?[0]?["text"]?.stringValue ?? "").utf8))
    }

    // MARK: presentation

    @Test func clientLimitsMatchTheLongestPartOfTheName() {
        let presentation = ToolPresentation()
        #expect(presentation.limit(forClient: "cursor-vscode") == 40)
        #expect(presentation.limit(forClient: "Visual Studio Code - Insiders") == 128)
        #expect(presentation.limit(forClient: "claude-code") == 0)
        #expect(presentation.limit(forClient: "Windsurf") == 50)
        #expect(presentation.limit(forClient: "mcp") == 100)
        var settings = ToolPresentationSettings()
        settings.clientLimits["cursor-vscode"] = 7
        #expect(ToolPresentation(settings).limit(forClient: "cursor-vscode") == 7)
    }

    @Test func autoChoosesByTheClientsLimitInTheHandshakeEra() {
        let presentation = ToolPresentation()
        #expect(presentation.listing(for: caller(client: "cursor-vscode"), count: 300) == .search)
        #expect(presentation.listing(for: caller(client: "cursor-vscode"), count: 30) == .direct)
        #expect(presentation.listing(for: caller(client: "claude-code"), count: 3000) == .direct)
        #expect(presentation.listing(for: caller(client: "mcp"), count: 101) == .search)
        #expect(presentation.listing(for: caller(client: "cursor-vscode", mode: .direct), count: 300) == .direct)
        #expect(presentation.listing(for: caller(client: "claude-code", mode: .search), count: 3) == .search)
    }

    @Test func anIndexIsBuiltAheadOnlyForListsSearchMayServe() {
        #expect(ToolPresentation(ToolPresentationSettings(mode: .search)).mightSearch(count: 1))
        #expect(!ToolPresentation(ToolPresentationSettings(mode: .direct)).mightSearch(count: 10_000))
        #expect(!ToolPresentation().mightSearch(count: 40))
        #expect(ToolPresentation().mightSearch(count: 41))
    }

    @Test func autoIgnoresTheClientAt20260728() {
        let presentation = ToolPresentation()
        var stateless = caller("2026-07-28", client: "cursor-vscode")
        stateless.era = .stateless
        #expect(presentation.listing(for: stateless, count: 60) == .direct)
        #expect(presentation.listing(for: stateless, count: 101) == .search)
        stateless.toolMode = .search
        #expect(presentation.listing(for: stateless, count: 1) == .search)
    }

    // MARK: lists

    @Test func searchModeListsTheMetaToolsThenThePinnedTools() async throws {
        let pinned = dispatcher(ToolPresentationSettings(mode: .search, pinned: ["HUBSPOT_CREATE_CONTACT", "NOPE"]))
        #expect(
            try await listed(pinned, caller())
                == ["SEARCH_TOOLS", "CALL_TOOL", "LIST_INTEGRATIONS", "HUBSPOT_CREATE_CONTACT"])
        let direct = dispatcher(ToolPresentationSettings(mode: .direct))
        #expect(try await listed(direct, caller()).count == 5)
        #expect(try await listed(direct, caller(mode: .search)).count == 3)
    }

    @Test func everyListComesInTheSameOrderEachTime() async throws {
        for mode in [ToolMode.direct, .search] {
            let first = try await dispatcher(ToolPresentationSettings(mode: mode)).listTools(
                nil, caller: caller(), requestID: "r"
            ).get()
            let second = try await dispatcher(ToolPresentationSettings(mode: mode)).listTools(
                nil, caller: caller(), requestID: "r"
            ).get()
            #expect(first == second)
        }
    }

    @Test func overridesReplaceTitlesAndHints() async throws {
        let settings = ToolPresentationSettings(
            mode: .direct,
            overrides: ["SLACK_SEND_MESSAGE": ToolOverride(title: "Post to Slack", hints: ["destructiveHint": true])])
        let page = try await dispatcher(settings).listTools(nil, caller: caller(), requestID: "r").get()
        let tool = try JSONValue.parse(page)["tools"]?[0]
        #expect(tool?["title"] == "Post to Slack")
        #expect(tool?["annotations"] == ["readOnlyHint": false, "destructiveHint": true])
    }

    // MARK: meta-tools

    @Test func searchFindsATasksToolWithItsSchemaAndConnection() async throws {
        let result = try await call(dispatcher(), "SEARCH_TOOLS", ["query": "post a message in slack", "limit": 2])
        let found = try answer(result)
        #expect(found["tools"]?[0]?["name"] == "SLACK_SEND_MESSAGE")
        #expect(found["tools"]?[0]?["inputSchema"]?["required"] == ["channel", "text"])
        #expect(found["tools"]?[0]?["connected"] == true)
        #expect(found["tools"]?[0]?["integration"] == "slack")
        #expect(result["structuredContent"] == found)
        let hubspot = try answer(
            try await call(dispatcher(), "SEARCH_TOOLS", ["query": "contact", "integration": "HubSpot"]))
        #expect(
            hubspot["tools"]?.arrayValue?.allSatisfy { $0["integration"] == "hubspot" && $0["connected"] == false }
                == true)
    }

    @Test func searchAnswersTextOnlyBefore20250618() async throws {
        let result = try await call(dispatcher(), "SEARCH_TOOLS", ["query": "slack"], caller: caller("2025-03-26"))
        #expect(result["structuredContent"] == nil)
        #expect(try answer(result)["tools"]?.arrayValue?.isEmpty == false)
    }

    @Test func aBadSearchIsAToolError() async throws {
        #expect(try await call(dispatcher(), "SEARCH_TOOLS", [:])["isError"] == true)
        #expect(try await call(dispatcher(), "SEARCH_TOOLS", ["query": "x", "limit": 99])["isError"] == true)
    }

    @Test func callToolRunsTheToolThroughTheRegistry() async throws {
        let result = try await call(
            dispatcher(), "CALL_TOOL", ["name": "SLACK_SEND_MESSAGE", "arguments": ["channel": "#a", "text": "hi"]])
        #expect(result["content"]?[0]?["text"] == "ran SLACK_SEND_MESSAGE")
        #expect(provider.called == ["SLACK_SEND_MESSAGE"])
        // The same validation as a direct call: nothing reaches the provider.
        let invalid = try await call(dispatcher(), "CALL_TOOL", ["name": "SLACK_SEND_MESSAGE", "arguments": [:]])
        #expect(invalid["isError"] == true)
        #expect(provider.called == ["SLACK_SEND_MESSAGE"])
        #expect(try await call(dispatcher(), "CALL_TOOL", ["name": "CALL_TOOL"])["isError"] == true)
    }

    @Test func aToolTheLimitsHideIsNeitherFoundNorCalled() async throws {
        let limited = dispatcher(limits: ToolLimits(tools: ["SLACK_LIST_CHANNELS", "HUBSPOT_CREATE_CONTACT"]))
        let found = try answer(try await call(limited, "SEARCH_TOOLS", ["query": "send a slack message", "limit": 20]))
        #expect(found["tools"]?.arrayValue?.contains { $0["name"] == "SLACK_SEND_MESSAGE" } == false)
        let refused = try await call(
            limited, "CALL_TOOL", ["name": "SLACK_SEND_MESSAGE", "arguments": ["channel": "#a", "text": "x"]])
        // A tool error the model reads, naming tools it may call instead, never the hidden one.
        #expect(refused["isError"] == true)
        let text = refused["content"]?[0]?["text"]?.stringValue ?? ""
        #expect(text.contains("No tool named SLACK_SEND_MESSAGE") && text.contains("SLACK_LIST_CHANNELS"), "\(text)")
        let direct = await limited.callTool(
            ["name": "SLACK_SEND_MESSAGE", "arguments": ["channel": "#a", "text": "x"]], caller: caller(),
            requestID: "r")
        guard case .failure(let error) = direct else {
            Issue.record("a hidden tool was called")
            return
        }
        #expect(error.code == -32602)
        #expect(provider.called.isEmpty)
    }

    @Test func listIntegrationsCountsToolsAndSaysWhatIsConnected() async throws {
        let listed = try answer(try await call(dispatcher(), "LIST_INTEGRATIONS", [:]))
        #expect(
            listed["integrations"]
                == [
                    ["integration": "googleCalendar", "name": "Googlecalendar", "tools": 1, "connected": false],
                    ["integration": "hubspot", "name": "Hubspot", "tools": 2, "connected": false],
                    ["integration": "slack", "name": "Slack", "tools": 2, "connected": true],
                ])
    }
}
