import Crypto
import JSONCore
import Logging
import Synchronization
import Testing

@testable import MCPCore
@testable import Observability
@testable import Settings

/// Whether the fake user has connected Salesforce yet, and how many calls reached the provider.
private final class ProviderState: Sendable {
    private let state = Mutex((connected: false, calls: 0, cancels: false))

    var connected: Bool {
        get { state.withLock { $0.connected } }
        set { state.withLock { $0.connected = newValue } }
    }

    var calls: Int { state.withLock { $0.calls } }

    func called() { state.withLock { $0.calls += 1 } }

    /// Calls end as cancelled (the client hung up) while set.
    var cancels: Bool {
        get { state.withLock { $0.cancels } }
        set { state.withLock { $0.cancels = newValue } }
    }
}

/// An in-memory provider: ECHO (its result passed on as it is), FAILS (a tool error, so a
/// result built anew), REGION (its `region` argument mirrored in `Mcp-Param-Region`), CRM
/// (needs Salesforce connected until the test connects it;
/// `account` mirrored in `Mcp-Param-Account`) and HIDDEN (filtered out).
private struct SwitchableProvider: ToolProvider {
    let name = "memory"
    let state: ProviderState

    static let tools = #"""
        [{"name":"ECHO","integration":"memory","inputSchema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}},
         {"name":"FAILS","integration":"memory","inputSchema":{"type":"object"}},
         {"name":"REGION","integration":"memory","inputSchema":{"type":"object","properties":{"text":{"type":"string"},"region":{"type":"string","x-mcp-header":"Region"}},"required":["text"]}},
         {"name":"CRM","integration":"salesforce","inputSchema":{"type":"object","properties":{"account":{"type":"string","x-mcp-header":"Account"}}}},
         {"name":"HIDDEN","integration":"memory","inputSchema":{"type":"object"}}]
        """#

    func listTools(for user: UserIdentity, requestID: String, timeout: Duration) async -> ProviderOutcome {
        .result(Array(Self.tools.utf8))
    }

    func callTool(
        _ name: String, arguments: [UInt8], for user: UserIdentity, requestID: String, timeout: Duration
    ) async -> ProviderOutcome {
        state.called()
        if state.cancels { return .cancelled }
        let arguments = (try? JSONValue.parse(arguments)) ?? [:]
        switch name {
        case "FAILS":
            return .toolError("boom")
        case "CRM" where !state.connected:
            return .needsConnection(integration: "salesforce")
        default:
            let text = arguments["text"]?.stringValue ?? arguments["account"]?.stringValue ?? ""
            return .result(
                JSONValue.object(["content": [["type": "text", "text": .string("\(user.userID): \(text)")]]])
                    .encoded())
        }
    }

    func destroy() async {}
}

/// Setup links naming the integration and, for a 2025-11-25 elicitation, its id.
private struct FakeSetup: ConnectionSetup {
    var linkLifetimeSeconds: Int { 600 }

    func link(userID: String, integration: String, elicitationID: String?) async throws -> String {
        "https://setup.example/\(integration)" + (elicitationID.map { "?elicitation=\($0)" } ?? "")
    }

    func displayName(of integration: String, token: String) async -> String { "Salesforce" }
}

/// The single-exchange path of 2026-07-28 through the dispatcher, over an in-process provider.
@Suite struct StatelessDispatcherTests {
    let logger = Logger(label: "unit")
    fileprivate let state = ProviderState()
    let now = 1_800_000_000

    func dispatcher(resumable: Bool = true, pageSize: Int = 500) -> MCPDispatcher {
        let registry = ToolRegistry(
            providers: [SwitchableProvider(state: state)],
            filter: ToolFilter(ToolLimits(tools: ["ECHO", "FAILS", "REGION", "CRM"])), callTimeout: .seconds(5),
            lists: ToolListSettings(pageSize: pageSize), logger: logger)
        let fixed = now
        let calls = ResumableCalls(
            seal: RequestStateSeal(key: SymmetricKey(size: .bits256)), ledger: ConsumedRequestStates(),
            lifetimeSeconds: 600, now: { fixed })
        return MCPDispatcher(
            registry: LiveRegistry(registry), connectionSetup: FakeSetup(), metrics: ServerMetrics(), logger: logger,
            resumable: resumable ? calls : nil, listTTLMs: 12_345)
    }

    func caller(_ user: String = "alice", url: Bool = true) -> Caller {
        Caller(
            identity: UserIdentity(userID: user, token: "t-\(user)"), protocolVersion: "2026-07-28", era: .stateless,
            capabilities: ClientCapabilities(urlElicitation: url))
    }

    /// The answer to `method` with `params`, parsed; its error too when it is one.
    func send(
        _ dispatcher: MCPDispatcher, _ method: String, _ params: JSONValue? = nil, caller: Caller? = nil,
        routing: RoutingHeaders? = nil, id: JSONRPCID = .number(1)
    ) async throws -> (answer: JSONValue, error: JSONRPCError?) {
        let request = MCPDispatcher.StatelessRequest(
            id: id, method: method, params: params, caller: caller ?? self.caller(), routing: routing)
        let reply = await dispatcher.answerStateless(request, requestID: "r")
        let answer = try JSONValue.parse(reply.bytes)
        #expect(answer["id"] == id.json)
        #expect(answer["jsonrpc"] == "2.0")
        #expect(answer["error"]?["code"] == reply.error.map { .integer($0.code) })
        return (answer, reply.error)
    }

    func call(_ name: String, _ arguments: JSONValue = [:], extra: [String: JSONValue] = [:]) -> JSONValue {
        var params: [String: JSONValue] = ["name": .string(name), "arguments": arguments]
        for (key, value) in extra { params[key] = value }
        return .object(params)
    }

    func expectStamped(_ result: JSONValue?, _ resultType: JSONValue = "complete") {
        #expect(result?["resultType"] == resultType)
        #expect(result?["_meta"] == StatelessResult.meta)
    }

    // MARK: methods

    @Test func discoverNamesVersionsCapabilitiesAndCacheHints() async throws {
        let (answer, error) = try await send(dispatcher(), "server/discover", id: .string("d"))
        #expect(error == nil)
        let result = answer["result"]
        #expect(result?["supportedVersions"] == .array(ProtocolEra.allVersions.map { .string($0) }))
        #expect(result?["capabilities"]?["tools"]?["listChanged"] == true)
        #expect(result?["ttlMs"] == 3_600_000)
        #expect(result?["cacheScope"] == "private")
        #expect(result?["instructions"] == .string(MCPDispatcher.instructions))
        expectStamped(result)
    }

    @Test func toolsListIsStampedWithCacheHintsAndPaged() async throws {
        let dispatcher = dispatcher(pageSize: 3)
        let (first, firstError) = try await send(dispatcher, "tools/list")
        #expect(firstError == nil)
        let page = first["result"]
        #expect(page?["ttlMs"] == 12_345)
        #expect(page?["cacheScope"] == "private")
        expectStamped(page)
        let cursor = try #require(page?["nextCursor"])
        let (second, _) = try await send(dispatcher, "tools/list", ["cursor": cursor])
        #expect(second["result"]?["nextCursor"] == nil)
        #expect(second["result"]?["cacheScope"] == "private", "the same scope on every page")
        expectStamped(second["result"])
        let names = [first, second].flatMap { $0["result"]?["tools"]?.arrayValue ?? [] }.compactMap {
            $0["name"]?.stringValue
        }
        #expect(names == ["ECHO", "FAILS", "REGION", "CRM"], "HIDDEN is filtered out")
        let (bad, badError) = try await send(dispatcher, "tools/list", ["cursor": "nope"])
        #expect(badError?.code == -32602)
        #expect(bad["result"] == nil)
    }

    @Test func callResultsAreStampedPassedOnOrBuilt() async throws {
        let dispatcher = dispatcher()
        let (echoed, echoError) = try await send(dispatcher, "tools/call", call("ECHO", ["text": "hi"]))
        #expect(echoError == nil)
        expectStamped(echoed["result"])
        #expect(echoed["result"]?["content"]?[0]?["text"] == "alice: hi")
        #expect(echoed["result"]?.objectValue?.count == 3, "content, resultType, _meta")
        let (failed, _) = try await send(dispatcher, "tools/call", call("FAILS"))
        expectStamped(failed["result"])
        #expect(failed["result"]?["isError"] == true)
    }

    @Test func otherMethodsAreNotFound() async throws {
        for method in ["ping", "initialize", "logging/setLevel", "resources/list", "nope"] {
            let (answer, error) = try await send(dispatcher(), method, [:])
            #expect(error?.code == -32601, "\(method)")
            #expect(answer["result"] == nil)
        }
    }

    @Test func aFilteredToolIsNeitherListedNorCallable() async throws {
        let dispatcher = dispatcher()
        let (listed, _) = try await send(dispatcher, "tools/list")
        #expect(listed["result"]?["tools"]?.arrayValue?.contains { $0["name"] == "HIDDEN" } == false)
        let (_, error) = try await send(dispatcher, "tools/call", call("HIDDEN"))
        #expect(error?.code == -32602)
        #expect(state.calls == 0)
    }

    // MARK: parameter headers

    func routing(region: String?) -> RoutingHeaders {
        RoutingHeaders(
            version: "2026-07-28", method: "tools/call", name: "REGION",
            params: region.map { ["region": $0] } ?? [:])
    }

    @Test func parameterHeadersAreCheckedBeforeTheArguments() async throws {
        let dispatcher = dispatcher()
        let invalid: JSONValue = ["region": "eu"]  // lacks the required text
        let (_, missing) = try await send(
            dispatcher, "tools/call", call("REGION", invalid), routing: routing(region: nil))
        #expect(missing?.code == -32020)
        let (_, differs) = try await send(
            dispatcher, "tools/call", call("REGION", invalid), routing: routing(region: "us"))
        #expect(differs?.code == -32020)
        #expect(state.calls == 0)
        let (validated, validatedError) = try await send(
            dispatcher, "tools/call", call("REGION", invalid), routing: routing(region: "eu"))
        #expect(validatedError == nil)
        #expect(validated["result"]?["isError"] == true, "agreeing headers: the arguments are validated next")
        let (ran, _) = try await send(
            dispatcher, "tools/call", call("REGION", ["region": "eu", "text": "hi"]), routing: routing(region: "eu"))
        #expect(ran["result"]?["content"]?[0]?["text"] == "alice: hi")
        let (stdio, _) = try await send(dispatcher, "tools/call", call("REGION", ["region": "eu", "text": "hi"]))
        #expect(stdio["result"]?["content"]?[0]?["text"] == "alice: hi", "no headers on stdio: nothing to check")
        #expect(state.calls == 2)
    }

    // MARK: calls waiting for a connection

    /// The `requestState` of an `input_required` answer, checked for its URL elicitation.
    func expectInputRequired(_ answer: JSONValue) throws -> String {
        let result = answer["result"]
        expectStamped(result, "input_required")
        let request = result?["inputRequests"]?[ResumableCalls.inputKey]
        #expect(request?["method"] == "elicitation/create")
        #expect(request?["params"]?["mode"] == "url")
        #expect(request?["params"]?["url"] == "https://setup.example/salesforce")
        #expect(request?["params"]?["message"]?.stringValue?.contains("Salesforce") == true)
        #expect(request?["params"]?["elicitationId"] == nil, "retired at 2026-07-28")
        #expect(result?["ttlMs"] == nil, "no cache hints on an interim result")
        return try #require(result?["requestState"]?.stringValue)
    }

    @Test func aCallWaitingForAConnectionResumesOnceConnected() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        let (first, firstError) = try await send(dispatcher, "tools/call", call("CRM", arguments))
        #expect(firstError == nil)
        let requestState = try expectInputRequired(first)

        let retry = call("CRM", arguments, extra: ["requestState": .string(requestState)])
        let (unconnected, _) = try await send(dispatcher, "tools/call", retry, id: .number(2))
        #expect(try expectInputRequired(unconnected) == requestState, "the same state while still unconnected")

        state.connected = true
        let accepted = call(
            "CRM", arguments,
            extra: [
                "requestState": .string(requestState),
                "inputResponses": [ResumableCalls.inputKey: ["action": "accept"]],
            ])
        let (completed, completedError) = try await send(dispatcher, "tools/call", accepted, id: .number(3))
        #expect(completedError == nil)
        expectStamped(completed["result"])
        #expect(completed["result"]?["content"]?[0]?["text"] == "alice: Acme")
        #expect(completed["result"]?["requestState"] == nil)

        let (_, replayed) = try await send(dispatcher, "tools/call", retry, id: .number(4))
        #expect(replayed?.code == -32602)
        #expect(replayed?.message.contains("already been used") == true)
        #expect(state.calls == 3)
    }

    @Test func aStateIsRefusedForAnotherUserCallOrWhenAltered() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        let requestState = try expectInputRequired(
            try await send(dispatcher, "tools/call", call("CRM", arguments)).answer)
        var altered = Array(requestState)
        altered[20] = altered[20] == "A" ? "B" : "A"
        let cases: [(JSONValue, Caller, String)] = [
            (call("CRM", arguments, extra: ["requestState": .string(requestState)]), caller("bob"), "another user"),
            (
                call("CRM", ["account": "Other"], extra: ["requestState": .string(requestState)]), caller(),
                "another call"
            ),
            (call("ECHO", ["text": "x"], extra: ["requestState": .string(requestState)]), caller(), "another call"),
            (call("CRM", arguments, extra: ["requestState": .string(String(altered))]), caller(), "integrity"),
            (call("CRM", arguments, extra: ["requestState": "not a state!"]), caller(), "base64url"),
            (call("CRM", arguments, extra: ["requestState": 42]), caller(), "not one this server issued"),
        ]
        for (params, caller, reason) in cases {
            let (answer, error) = try await send(dispatcher, "tools/call", params, caller: caller)
            #expect(error?.code == -32602, "\(reason)")
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "") should say \(reason)")
            #expect(answer["result"] == nil)
        }
        #expect(state.calls == 1, "no refused state reached the provider")
        let (still, _) = try await send(
            dispatcher, "tools/call", call("CRM", arguments, extra: ["requestState": .string(requestState)]))
        #expect(try expectInputRequired(still) == requestState, "the refusals did not spend it")
    }

    @Test func aDeclinedConnectionIsAToolErrorAndKeepsTheState() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        let requestState = try expectInputRequired(
            try await send(dispatcher, "tools/call", call("CRM", arguments)).answer)
        for action in ["decline", "cancel"] {
            let declined = call(
                "CRM", arguments,
                extra: [
                    "requestState": .string(requestState),
                    "inputResponses": [ResumableCalls.inputKey: ["action": .string(action)]],
                ])
            let (answer, error) = try await send(dispatcher, "tools/call", declined)
            #expect(error == nil)
            expectStamped(answer["result"])
            #expect(answer["result"]?["isError"] == true, "\(action)")
            #expect(answer["result"]?["content"]?[0]?["text"]?.stringValue?.contains("Salesforce") == true)
        }
        #expect(state.calls == 1, "a declined call is not run")
        state.connected = true
        let (completed, _) = try await send(
            dispatcher, "tools/call", call("CRM", arguments, extra: ["requestState": .string(requestState)]))
        #expect(completed["result"]?["content"]?[0]?["text"] == "alice: Acme", "the state was still usable")
    }

    @Test func aRetryRefusedBeforeItRunsDoesNotSpendTheState() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        func routing(_ account: String) -> RoutingHeaders {
            RoutingHeaders(
                version: "2026-07-28", method: "tools/call", name: "CRM", params: ["account": account])
        }
        let (first, _) = try await send(dispatcher, "tools/call", call("CRM", arguments), routing: routing("Acme"))
        let requestState = try expectInputRequired(first)
        state.connected = true
        let retry = call("CRM", arguments, extra: ["requestState": .string(requestState)])
        let (_, mismatch) = try await send(dispatcher, "tools/call", retry, routing: routing("Other"))
        #expect(mismatch?.code == -32020)
        #expect(state.calls == 1)
        let (completed, error) = try await send(dispatcher, "tools/call", retry, routing: routing("Acme"))
        #expect(error == nil, "fixed headers, the same state: \(error?.message ?? "")")
        #expect(completed["result"]?["content"]?[0]?["text"] == "alice: Acme")
        let (_, replayed) = try await send(dispatcher, "tools/call", retry, routing: routing("Acme"))
        #expect(replayed?.code == -32602, "spent by the call that ran")
    }

    @Test func aRetryAnswerMustBeOneThisServerAskedFor() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        let requestState = try expectInputRequired(
            try await send(dispatcher, "tools/call", call("CRM", arguments)).answer)
        state.connected = true
        for responses: JSONValue in [["action": "accept"], ["connect": ["action": "maybe"]], "accept"] {
            let retry = call(
                "CRM", arguments, extra: ["requestState": .string(requestState), "inputResponses": responses])
            let (_, error) = try await send(dispatcher, "tools/call", retry)
            #expect(error?.code == -32602, "\(responses)")
        }
        let retry = call(
            "CRM", arguments,
            extra: ["requestState": .string(requestState), "inputResponses": ["connect": ["action": "accept"]]])
        let (completed, error) = try await send(dispatcher, "tools/call", retry)
        #expect(error == nil, "refused answers left the state usable")
        #expect(completed["result"]?["content"]?[0]?["text"] == "alice: Acme")
    }

    @Test func aCancelledRetryDoesNotSpendTheState() async throws {
        let dispatcher = dispatcher()
        let arguments: JSONValue = ["account": "Acme"]
        let requestState = try expectInputRequired(
            try await send(dispatcher, "tools/call", call("CRM", arguments)).answer)
        state.connected = true
        state.cancels = true
        let retry = call("CRM", arguments, extra: ["requestState": .string(requestState)])
        let (_, cancelled) = try await send(dispatcher, "tools/call", retry)
        #expect(cancelled?.code == -32800)
        state.cancels = false
        let (completed, error) = try await send(dispatcher, "tools/call", retry)
        #expect(error == nil, "the cancelled retry left the state usable: \(error?.message ?? "")")
        #expect(completed["result"]?["content"]?[0]?["text"] == "alice: Acme")
    }

    @Test func withoutURLElicitationTheLinkComesAsText() async throws {
        for (dispatcher, caller) in [(dispatcher(), caller(url: false)), (dispatcher(resumable: false), caller())] {
            let (answer, error) = try await send(dispatcher, "tools/call", call("CRM"), caller: caller)
            #expect(error == nil)
            let result = answer["result"]
            expectStamped(result)
            #expect(result?["requestState"] == nil)
            #expect(result?["inputRequests"] == nil)
            let text = try #require(result?["content"]?[0]?["text"]?.stringValue)
            #expect(text.contains("(https://setup.example/salesforce)"))
        }
        let (_, error) = try await send(
            dispatcher(resumable: false), "tools/call", call("CRM", extra: ["requestState": "anything"]))
        #expect(error?.code == -32602, "no state can be resumed without a seal")
    }

    @Test func aHandshakeCallerGetsAURLElicitationError() async throws {
        let dispatcher = dispatcher()
        let session = MCPSession(id: "s", transport: .streamableHTTP, owner: Principal(userID: "alice", token: "t"))
        func post(_ text: String) async throws -> JSONValue {
            let answer = try #require(
                await dispatcher.run(JSONRPCMessage(try JSONValue.parse(Array(text.utf8))), session: session))
            return try JSONValue.parse(answer)
        }
        _ = try await post(
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"elicitation":{"url":{}}},"clientInfo":{"name":"unit","version":"1"}}}"#
        )
        let answer = try await post(
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"CRM","arguments":{},"requestState":"ignored"}}"#
        )
        #expect(answer["result"] == nil)
        let error = try #require(answer["error"])
        #expect(error["code"] == -32042)
        let elicitation = try #require(error["data"]?["elicitations"]?[0])
        #expect(elicitation["mode"] == "url")
        let id = try #require(elicitation["elicitationId"]?.stringValue)
        #expect(id.count == 32)
        #expect(elicitation["url"] == .string("https://setup.example/salesforce?elicitation=\(id)"))
        #expect(elicitation["message"]?.stringValue?.contains("Salesforce") == true)
    }
}
