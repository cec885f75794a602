import MCP
import MCPCore

/// How a session of the HTTP transports begins, written once for both, and when an `initialize`
/// on a session is refused. MCP (Lifecycle) makes initialization the first interaction of a
/// session, done once; what differs between the transports is when the session comes to exist:
///
/// - Streamable HTTP (2025-03-26 on): the server issues the session id with a successful
///   `initialize` result (Transports, Session Management), so the session is opened by that
///   request and exists only once it succeeded;
/// - HTTP+SSE (2024-11-05): the session is the stream, whose `endpoint` event names it, so it is
///   opened when the stream opens, and `initialize` comes later, posted to it.
///
/// In cluster mode a session is recorded in the shared ``SessionDirectory`` before its id
/// reaches the client, so that any instance takes its next request: serves it (Streamable HTTP)
/// or hands it to the instance holding its stream (HTTP+SSE).
package struct SessionOpening: Sendable {
    package let sessions: SessionStore
    package let directory: (any SessionDirectory)?

    package init(sessions: SessionStore, directory: (any SessionDirectory)? = nil) {
        self.sessions = sessions
        self.directory = directory
    }

    /// Opens a session of `principal` on `transport`: holds a place under the session caps (503
    /// naming the cap when there is none), creates the session, runs the transport's first step
    /// on it (`start`: Streamable HTTP's `initialize`, or HTTP+SSE's stream), and makes it live
    /// (found by its id, idle and expiry timers armed) only when that step succeeds. When `start`
    /// throws, the place is given back and the session never was.
    package func open<Started>(
        for principal: Principal, on transport: SessionTransport,
        start: (MCPSession) async throws(HTTPRejection) -> Started
    ) async throws(HTTPRejection) -> (session: MCPSession, started: Started) {
        if case .failure(let cap) = sessions.reserve(for: principal.userID) {
            throw HTTPRejection(response: HTTPReplies.capacityReached(cap))
        }
        let session = MCPSession(id: MCPSession.newID(), transport: transport, owner: principal)
        let started: Started
        do {
            started = try await start(session)
        } catch {
            sessions.cancelReservation(for: principal.userID)
            throw error
        }
        if let directory, transport != .stdio {
            do throws(SessionDirectoryError) {
                try await directory.opened(session.id, session.record)
            } catch {
                sessions.cancelReservation(for: principal.userID)
                throw HTTPRejection(response: HTTPReplies.storeUnavailable("the session cannot be shared"))
            }
        }
        sessions.activate(session)
        return (session, started)
    }

    /// The refusal (-32600) of `message` when it is an `initialize` its session does not take,
    /// with the id to answer; nil for any other message. Which rule applies follows from when the
    /// session began (see the type):
    ///
    /// - Streamable HTTP: every one is refused, since the session exists only after its own
    ///   `initialize` succeeded;
    /// - HTTP+SSE: one is taken, until the session is initialized (`notifications/initialized`)
    ///   or an `initialize` named the client, since the session exists before any;
    /// - stdio: none is refused (it does not ask).
    package static func refusedInitialize(
        _ message: JSONRPCMessage, on session: MCPSession
    ) -> (id: JSONRPCID, error: JSONRPCError)? {
        guard case .request(let id, Initialize.name, _) = message else { return nil }
        switch session.transport {
        case .streamableHTTP:
            return (id, .invalidRequest("Invalid request: the session is already initialized"))
        case .legacySSE:
            guard session.state.withLock({ $0.initialized || !$0.clientName.isEmpty }) else { return nil }
            return (id, .invalidRequest("Invalid request: already initialized"))
        case .stdio:
            return nil
        }
    }
}
