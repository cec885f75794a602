import Foundation
import JSONCore
import Observability
import Settings
import Synchronization

/// One MCP session: who owns it, what was negotiated, its requests in flight and its
/// server-to-client stream.
///
/// A session belongs to a user, not to the bytes of one token: apps mint a fresh Paragon user
/// token per request, so a later request of the same user with another valid token continues
/// the session, and that token is used upstream from then on (see ``adopt(_:)``).
package final class MCPSession: Sendable {
    package let id: String
    package let transport: SessionTransport
    /// The session's user (the `sub` of the token that created it); never changes.
    package let userID: String

    /// The open server-to-client stream.
    package struct Outbound {
        package var continuation: AsyncStream<[UInt8]>.Continuation
        /// Which opening this is; a stream closes itself only while it is still the current one.
        package var generation: UInt64
    }

    package struct State {
        /// The user with the newest token presented for the session.
        package var owner: Principal
        package var protocolVersion = ProtocolVersion.latest
        package var initialized = false
        package var clientName = ""
        /// The tool mode the URL of the session's `initialize` asked for (`?tools=search`).
        package var toolMode: ToolMode?
        /// The optional capabilities the client declared in `initialize`.
        package var capabilities = ClientCapabilities()
        package var inFlight: [JSONRPCID: @Sendable () -> Void] = [:]
        /// Requests the client cancelled with `notifications/cancelled`: they get no answer.
        package var cancelledByClient: Set<JSONRPCID> = []
        package var outbound: Outbound?
        package var outboundGeneration: UInt64 = 0
        package var activity = SessionActivity()
        package var idleTimer: (any ScheduledTimer)?
        package var expiryTimer: (any ScheduledTimer)?
        /// When the session was last used, on the monotonic clock (least recently used goes first
        /// when a user's session cap is reached).
        package var lastUsed: UInt64 = 0
        package var closed = false
    }

    package let state: Mutex<State>

    package init(id: String, transport: SessionTransport, owner: Principal) {
        self.id = id
        self.transport = transport
        self.userID = owner.userID
        self.state = Mutex(State(owner: owner))
    }

    /// The user with the newest token presented for the session: its token goes upstream.
    package var owner: Principal { state.withLock { $0.owner } }

    package var protocolVersion: String { state.withLock { $0.protocolVersion } }

    /// Who the session's requests come from, and what its client negotiated.
    package var caller: Caller {
        state.withLock { state in
            Caller(
                identity: state.owner.identity, protocolVersion: state.protocolVersion, era: .handshake,
                capabilities: state.capabilities, clientName: state.clientName, toolMode: state.toolMode)
        }
    }

    /// What a request of `principal` on this session means for its ownership.
    package enum Adoption: Equatable {
        /// Another user: refused.
        case foreignUser
        /// The session's user; the token the session uses upstream is the newest-lived of theirs.
        case sameUser
    }

    /// Takes `principal`'s token for the session when it is the session's user and it lives at
    /// least as long as the session's (no `exp` counts as forever): an older token of the same
    /// user still authenticates its request, but never shortens the session or goes upstream.
    package func adopt(_ principal: Principal, now: UInt64) -> Adoption {
        state.withLock { state in
            guard principal.userID == userID else { return .foreignUser }
            state.lastUsed = now
            if principal.token != state.owner.token,
                (principal.expiresAt ?? .distantFuture) >= (state.owner.expiresAt ?? .distantFuture)
            {
                state.owner = principal
            }
            return .sameUser
        }
    }

    /// A new random session id: 32 hex digits (visible ASCII, unguessable).
    package static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    // MARK: Server-to-client stream

    /// Opens the stream that carries server-to-client messages. A stream already open is
    /// finished first: a client only opens another when it lost the first (a laptop that slept,
    /// a proxy that dropped it), and the newer stream is the one that can still be read. Nil when
    /// the session is closed. Pass the returned generation to ``closeOutbound(generation:)``.
    package func openOutbound() -> (stream: AsyncStream<[UInt8]>, generation: UInt64)? {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let opened = state.withLock { state -> (generation: UInt64, replaced: Outbound?)? in
            guard !state.closed else { return nil }
            state.outboundGeneration += 1
            let replaced = state.outbound
            state.outbound = Outbound(continuation: continuation, generation: state.outboundGeneration)
            return (state.outboundGeneration, replaced)
        }
        guard let opened else { return nil }
        opened.replaced?.continuation.finish()
        return (stream, opened.generation)
    }

    /// Closes the stream of `generation` if it is still the open one (nil: whichever is open).
    package func closeOutbound(generation: UInt64? = nil) {
        let outbound = state.withLock { state -> Outbound? in
            guard let current = state.outbound, generation == nil || current.generation == generation else {
                return nil
            }
            state.outbound = nil
            return current
        }
        outbound?.continuation.finish()
    }

    /// Sends a message on the server-to-client stream; false when none is open.
    @discardableResult
    package func send(_ message: [UInt8]) -> Bool {
        guard let outbound = state.withLock({ $0.outbound }) else { return false }
        if case .enqueued = outbound.continuation.yield(message) { return true }
        return false
    }

    package var hasOutbound: Bool { state.withLock { $0.outbound != nil } }

    // MARK: Requests in flight

    /// Registers a cancellable request; false when the id is already in flight.
    package func register(_ id: JSONRPCID, cancel: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            guard state.inFlight[id] == nil else { return false }
            state.inFlight[id] = cancel
            return true
        }
    }

    /// Ends the request's registration; true when the client cancelled it with
    /// `notifications/cancelled`, in which case it gets no answer (MCP, cancellation: "the
    /// receiver SHOULD NOT send a response for the cancelled request").
    @discardableResult
    package func unregister(_ id: JSONRPCID) -> Bool {
        state.withLock { state in
            state.inFlight.removeValue(forKey: id)
            return state.cancelledByClient.remove(id) != nil
        }
    }

    /// `notifications/cancelled`: cancels the request if it is in flight; whether it was.
    @discardableResult
    package func cancel(_ id: JSONRPCID) -> Bool {
        let cancel = state.withLock { state -> (@Sendable () -> Void)? in
            guard let cancel = state.inFlight[id] else { return nil }
            state.cancelledByClient.insert(id)
            return cancel
        }
        cancel?()
        return cancel != nil
    }
}
