import JSONCore
import Logging
import Testing

@testable import MCPCore
@testable import Observability
@testable import Settings

/// An in-memory provider: one tool, ECHO, answering with its text.
private struct MemoryProvider: ToolProvider {
    let name = "memory"

    func listTools(for user: UserIdentity, requestID: String, timeout: Duration) async -> ProviderOutcome {
        .result(
            Array(
                #"[{"name":"ECHO","integration":"memory","description":"Echoes.","inputSchema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}},{"name":"HIDDEN","integration":"memory","description":"Filtered out.","inputSchema":{"type":"object"}}]"#
                    .utf8))
    }

    func callTool(
        _ name: String, arguments: [UInt8], for user: UserIdentity, requestID: String, timeout: Duration
    ) async -> ProviderOutcome {
        let text = (try? JSONValue.parse(arguments))?["text"]?.stringValue ?? ""
        return .result(
            JSONValue.object(["content": [["type": "text", "text": .string("\(user.userID): \(text)")]]]).encoded())
    }

    func destroy() async {}
}

private struct NoSetup: ConnectionSetup {
    var linkLifetimeSeconds: Int { 600 }
    func link(userID: String, integration: String, elicitationID: String?) async throws -> String {
        "https://setup.example/\(integration)"
    }
    func displayName(of integration: String, token: String) async -> String { integration }
}

/// The dispatcher over a registry of an in-memory provider: what every transport runs.
@Suite struct DispatcherTests {
    let logger = Logger(label: "unit")

    func dispatcher() -> MCPDispatcher {
        let registry = ToolRegistry(
            providers: [MemoryProvider()], filter: ToolFilter(ToolLimits(tools: ["ECHO"])), callTimeout: .seconds(5),
            logger: logger)
        return MCPDispatcher(
            registry: LiveRegistry(registry), connectionSetup: NoSetup(), metrics: ServerMetrics(), logger: logger)
    }

    func session() -> MCPSession {
        MCPSession(id: "s", transport: .stdio, owner: Principal(userID: "alice", token: "t"))
    }

    func send(_ dispatcher: MCPDispatcher, _ session: MCPSession, _ text: String) async throws -> JSONValue {
        let message = JSONRPCMessage(try JSONValue.parse(Array(text.utf8)))
        let answer = try #require(await dispatcher.run(message, session: session))
        return try JSONValue.parse(answer)
    }

    @Test func listsOnlyWhatTheFilterLetsThroughAndCallsIt() async throws {
        let dispatcher = dispatcher(), session = session()
        let initialized = try await send(
            dispatcher, session,
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"unit","version":"1"}}}"#
        )
        #expect(initialized["result"]?["protocolVersion"]?.stringValue == "2025-06-18")
        let listed = try await send(dispatcher, session, #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        #expect(listed["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["ECHO"])
        let called = try await send(
            dispatcher, session,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"ECHO","arguments":{"text":"hi"}}}"#)
        #expect(called["result"]?["content"]?[0]?["text"]?.stringValue == "alice: hi")
    }

    @Test func aFilteredToolIsNotCallableAndArgumentsAreValidatedFirst() async throws {
        let dispatcher = dispatcher(), session = session()
        let hidden = try await send(
            dispatcher, session, #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"HIDDEN"}}"#)
        #expect(hidden["result"]?["isError"] == .bool(true) || hidden["error"] != nil)
        let invalid = try await send(
            dispatcher, session,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ECHO","arguments":{}}}"#)
        #expect(invalid["result"]?["isError"] == .bool(true) || invalid["error"] != nil)
        let unknown = try await send(dispatcher, session, #"{"jsonrpc":"2.0","id":3,"method":"nope"}"#)
        #expect(unknown["error"]?["code"] == .integer(-32601))
    }
}

/// Sessions close after their idle timeout, on a clock the test moves.
@Suite struct SessionIdleTests {
    @Test func anIdleSessionClosesWhenItsTimeoutPasses() {
        let time = ManualTimeSource()
        let store = SessionStore(maxSessions: 10, idleTimeoutMs: 1_000, logger: Logger(label: "unit"), time: time)
        let session = MCPSession(id: "s", transport: .streamableHTTP, owner: Principal(userID: "alice", token: "t"))
        guard case .success = store.reserve(for: "alice") else {
            Issue.record("the reservation was refused")
            return
        }
        store.activate(session)
        time.advance(byNanoseconds: 999_000_000)
        #expect(store.count == 1)
        time.advance(byNanoseconds: 2_000_000)
        #expect(store.count == 0)
        #expect(time.pendingTimers == 0)
    }
}
