import Auth
import Hummingbird
import JSONCore
import Testing

@testable import MCPCore
@testable import Serving
@testable import Settings

/// Admission's refusals as the client receives them, and how the HTTP transports open sessions:
/// plain values and a session store on a manual clock, no server.
@Suite struct AdmissionTests {
    /// `?tools=` names a tool mode, or none; another value is a 400, not the configured mode.
    @Test func theURLsToolModeIsReadOrRefused() throws {
        func request(_ path: String) -> Request {
            Request(
                head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: path),
                body: RequestBody(buffer: ByteBuffer()))
        }
        #expect(try AdmissionMiddleware.toolMode(request("/mcp?tools=search")) == .search)
        #expect(try AdmissionMiddleware.toolMode(request("/mcp?user=a&tools=direct")) == .direct)
        #expect(try AdmissionMiddleware.toolMode(request("/mcp")) == nil)
        #expect(throws: HTTPRejection.self) { try AdmissionMiddleware.toolMode(request("/mcp?tools=all")) }
    }

    @Test func eachRefusalIsTheResponseTheClientGets() async throws {
        let cases: [(AdmissionRefusal, Int, [String: String], String)] = [
            (
                .notReady(.draining), 503, ["Retry-After": "1"],
                #"{"error":{"code":-32000,"message":"Service Unavailable: the server is draining"},"id":null,"jsonrpc":"2.0"}"#
            ),
            (
                .hostNotAllowed, 403, [:],
                #"{"error":{"code":-32000,"message":"Forbidden: host not allowed (MCP_ALLOWED_HOSTS lists the hosts allowed besides MCP_SERVER_URL's)"},"id":null,"jsonrpc":"2.0"}"#
            ),
            (
                .originNotAllowed, 403, [:],
                #"{"error":{"code":-32000,"message":"Forbidden: origin not allowed (MCP_ALLOWED_ORIGINS lists the browser origins allowed)"},"id":null,"jsonrpc":"2.0"}"#
            ),
            (
                .unauthenticated(.expiredToken), 401,
                [
                    "WWW-Authenticate":
                        #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", error="invalid_token""#
                ],
                #"{"error":{"code":-32000,"message":"Unauthorized: the token has expired"},"id":null,"jsonrpc":"2.0"}"#
            ),
            (
                .unauthenticated(.missingCredentials), 401,
                [
                    "WWW-Authenticate":
                        #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp""#
                ],
                #"{"error":{"code":-32000,"message":"Unauthorized: a Paragon user token is required (Authorization: Bearer)"},"id":null,"jsonrpc":"2.0"}"#
            ),
        ]
        let metadata = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
        for (refusal, status, extra, body) in cases {
            let rejection = refusal.rejection(resourceMetadata: metadata)
            #expect(rejection.status.code == status, "\(refusal)")
            var headers = ["Content-Type": "application/json", "Content-Length": "\(body.utf8.count)"]
            headers.merge(extra) { $1 }
            #expect(Self.headers(rejection.response) == headers, "\(refusal)")
            #expect(try await Self.body(rejection.response) == body, "\(refusal)")
        }
    }

    @Test func aSessionIsLiveOnlyWhenItsFirstStepSucceeds() async throws {
        let store = SessionStore(
            maxSessions: 1, idleTimeoutMs: 60_000, logger: .init(label: "test"), time: ManualTimeSource())
        let opening = SessionOpening(sessions: store)
        let alice = Principal(userID: "alice", token: "t")
        var failed: MCPSession?
        await #expect(throws: HTTPRejection.self) {
            _ = try await opening.open(for: alice, on: .streamableHTTP) { session throws(HTTPRejection) in
                failed = session
                throw HTTPRejection(response: HTTPReplies.json(.badRequest, []))
            }
        }
        let failedID = try #require(failed).id
        #expect(store.count == 0 && store.session(failedID) == nil)
        // The place was given back: the one session the cap allows opens.
        let (session, started) = try await opening.open(for: alice, on: .legacySSE) { _ throws(HTTPRejection) in 7 }
        #expect(started == 7 && store.session(session.id) === session && session.transport == .legacySSE)
        do {
            _ = try await opening.open(for: alice, on: .streamableHTTP) { _ throws(HTTPRejection) in
                Issue.record("started past the cap")
            }
            Issue.record("opened past the cap")
        } catch {
            #expect(error.status.code == 503)
            #expect(try await Self.body(error.response).contains("Session capacity reached"))
        }
        #expect(store.count == 1)
    }

    @Test func whichInitializeASessionTakesFollowsFromWhenItBegan() throws {
        let alice = Principal(userID: "alice", token: "t")
        let initialize = JSONRPCMessage(
            try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":3,"method":"initialize"}"#.utf8)))
        let ping = JSONRPCMessage(try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":4,"method":"ping"}"#.utf8)))

        let streamable = MCPSession(id: "a", transport: .streamableHTTP, owner: alice)
        let refused = try #require(SessionOpening.refusedInitialize(initialize, on: streamable))
        #expect(refused.id == .number(3))
        #expect(refused.error == .invalidRequest("Invalid request: the session is already initialized"))
        #expect(SessionOpening.refusedInitialize(ping, on: streamable) == nil)

        let legacy = MCPSession(id: "b", transport: .legacySSE, owner: alice)
        #expect(SessionOpening.refusedInitialize(initialize, on: legacy) == nil)
        legacy.state.withLock { $0.clientName = "inspector" }
        #expect(
            SessionOpening.refusedInitialize(initialize, on: legacy)?.error
                == .invalidRequest("Invalid request: already initialized"))
        let notified = MCPSession(id: "c", transport: .legacySSE, owner: alice)
        notified.state.withLock { $0.initialized = true }
        #expect(SessionOpening.refusedInitialize(initialize, on: notified) != nil)

        #expect(
            SessionOpening.refusedInitialize(initialize, on: MCPSession(id: "d", transport: .stdio, owner: alice))
                == nil)
    }

    private static func headers(_ response: Response) -> [String: String] {
        Dictionary(response.headers.map { ($0.name.rawName, $0.value) }) { $1 }
    }

    private static func body(_ response: Response) async throws -> String {
        let collector = BodyCollector()
        try await response.body.write(collector)
        return String(decoding: collector.bytes, as: UTF8.self)
    }
}

/// A response body, written to memory.
private final class BodyCollector: ResponseBodyWriter {
    var bytes: [UInt8] = []
    func write(_ buffer: ByteBuffer) async throws { bytes += buffer.readableBytesView }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
