import Crypto
import Foundation
import JSONCore
import NIOCore
import Synchronization

/// One MCP session: who owns it, what was negotiated, its requests in flight and its
/// server-to-client stream.
public final class MCPSession: Sendable {
    public let id: String
    public let transport: SessionTransport
    /// The user, with the token that created the session.
    public let owner: Principal
    /// SHA-256 of the token that created the session: later requests must present the same.
    let ownerTokenDigest: [UInt8]

    struct State {
        var protocolVersion = ProtocolVersion.latest
        var initialized = false
        var clientName = ""
        var inFlight: [JSONRPCID: @Sendable () -> Void] = [:]
        var outbound: AsyncStream<[UInt8]>.Continuation?
        var activity = SessionActivity()
        var idleTimer: Scheduled<Void>?
        var expiryTimer: Scheduled<Void>?
        var closed = false
    }

    let state = Mutex(State())

    init(id: String, transport: SessionTransport, owner: Principal) {
        self.id = id
        self.transport = transport
        self.owner = owner
        self.ownerTokenDigest = Self.digest(owner.token)
    }

    static func digest(_ token: String) -> [UInt8] { Array(SHA256.hash(data: Data(token.utf8))) }

    /// True when `principal` presented exactly the token that created the session.
    func isOwnedExactly(by principal: Principal) -> Bool {
        Self.digest(principal.token) == ownerTokenDigest
    }

    public var protocolVersion: String { state.withLock { $0.protocolVersion } }

    /// A new random session id: 32 hex digits (visible ASCII, unguessable).
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    // MARK: Server-to-client stream

    /// Opens the stream that carries server-to-client messages; nil when one is open already.
    func openOutbound() -> AsyncStream<[UInt8]>? {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let opened = state.withLock { state -> Bool in
            guard state.outbound == nil, !state.closed else { return false }
            state.outbound = continuation
            return true
        }
        guard opened else { return nil }
        return stream
    }

    func closeOutbound() {
        let outbound = state.withLock { state in
            defer { state.outbound = nil }
            return state.outbound
        }
        outbound?.finish()
    }

    /// Sends a message on the server-to-client stream; false when none is open.
    @discardableResult
    func send(_ message: [UInt8]) -> Bool {
        guard let outbound = state.withLock({ $0.outbound }) else { return false }
        if case .enqueued = outbound.yield(message) { return true }
        return false
    }

    var hasOutbound: Bool { state.withLock { $0.outbound != nil } }

    // MARK: Requests in flight

    /// Registers a cancellable request; false when the id is already in flight.
    func register(_ id: JSONRPCID, cancel: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            guard state.inFlight[id] == nil else { return false }
            state.inFlight[id] = cancel
            return true
        }
    }

    func unregister(_ id: JSONRPCID) {
        state.withLock { _ = $0.inFlight.removeValue(forKey: id) }
    }

    /// `notifications/cancelled`: cancels the request if it is in flight.
    func cancel(_ id: JSONRPCID) {
        state.withLock { $0.inFlight[id] }?()
    }
}
