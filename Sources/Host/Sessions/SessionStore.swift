import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The live sessions: at most `maxSessions`, counting those being initialized, each closed
/// when its token expires or after `idleTimeout` without requests or open streams.
public final class SessionStore: Sendable {
    public let maxSessions: Int
    let idleTimeout: TimeAmount
    let logger: Logger
    let metrics: ServerMetrics?

    private struct State {
        var sessions: [String: MCPSession] = [:]
        var reserved = 0
    }

    private let state = Mutex(State())
    /// Called with each session as it closes (to notify, count, clean up).
    private let onClose = Mutex<[@Sendable (MCPSession) -> Void]>([])

    public init(maxSessions: Int, idleTimeoutMs: Int, logger: Logger, metrics: ServerMetrics? = nil) {
        self.maxSessions = maxSessions
        self.idleTimeout = .milliseconds(Int64(clamping: idleTimeoutMs))
        self.logger = logger
        self.metrics = metrics
    }

    public var count: Int { state.withLock { $0.sessions.count } }

    /// Holds a place for a session being initialized; false at capacity.
    func reserve() -> Bool {
        state.withLock { state in
            guard state.sessions.count + state.reserved < maxSessions else { return false }
            state.reserved += 1
            return true
        }
    }

    func cancelReservation() {
        state.withLock { $0.reserved -= 1 }
    }

    /// Turns a reservation into a live session and arms its timers.
    func activate(_ session: MCPSession) {
        state.withLock { state in
            state.reserved -= 1
            state.sessions[session.id] = session
        }
        metrics?.sessionOpened(session.transport)
        let action = session.state.withLock { $0.activity.start() }
        apply(action, to: session)
        if let expiry = session.owner.expiresAt {
            let delay = TimeAmount.nanoseconds(Int64(clamping: Int64(max(expiry.timeIntervalSinceNow, 0) * 1e9)))
            let timer = Self.loop.scheduleTask(in: delay) { [weak self] () -> Void in
                self?.close(session, reason: "token expired")
            }
            session.state.withLock { $0.expiryTimer = timer }
        }
        logger.debug(
            "session opened", metadata: ["session": "\(session.id)", "transport": "\(session.transport.rawValue)"])
    }

    public func session(_ id: String) -> MCPSession? {
        state.withLock { $0.sessions[id] }
    }

    func requestStarted(_ session: MCPSession) {
        apply(session.state.withLock { $0.activity.requestStarted() }, to: session)
    }

    func requestFinished(_ session: MCPSession) {
        apply(session.state.withLock { $0.activity.requestFinished() }, to: session)
    }

    func streamOpened(_ session: MCPSession) {
        apply(session.state.withLock { $0.activity.streamOpened() }, to: session)
    }

    func streamClosed(_ session: MCPSession) {
        apply(session.state.withLock { $0.activity.streamClosed() }, to: session)
    }

    /// Ends a session: no more requests, its stream closes, its calls are cancelled.
    public func close(_ session: MCPSession, reason: String) {
        let removed = state.withLock { $0.sessions.removeValue(forKey: session.id) != nil }
        let (cancels, outbound, timers) = session.state.withLock { state in
            state.closed = true
            defer {
                state.inFlight = [:]
                state.outbound = nil
                state.idleTimer = nil
                state.expiryTimer = nil
            }
            return (Array(state.inFlight.values), state.outbound, [state.idleTimer, state.expiryTimer])
        }
        timers.forEach { $0?.cancel() }
        outbound?.finish()
        cancels.forEach { $0() }
        if removed {
            metrics?.sessionClosed(session.transport)
            logger.debug("session closed", metadata: ["session": "\(session.id)", "reason": "\(reason)"])
            for handler in onClose.withLock({ $0 }) { handler(session) }
        }
    }

    /// Ends every session (shutdown).
    public func closeAll(reason: String) {
        for session in state.withLock({ Array($0.sessions.values) }) { close(session, reason: reason) }
    }

    /// Closes every session's server-to-client stream (a legacy SSE session ends with it).
    public func closeStreams() {
        for session in all { session.closeOutbound() }
    }

    public var all: [MCPSession] { state.withLock { Array($0.sessions.values) } }

    func whenClosed(_ handler: @escaping @Sendable (MCPSession) -> Void) {
        onClose.withLock { $0.append(handler) }
    }

    private func apply(_ action: SessionActivity.Action, to session: MCPSession) {
        switch action {
        case .none:
            return
        case .cancelIdleTimer:
            session.state.withLock { state in
                defer { state.idleTimer = nil }
                return state.idleTimer
            }?.cancel()
        case .armIdleTimer(let generation):
            let timer = Self.loop.scheduleTask(in: idleTimeout) { [weak self] () -> Void in
                guard session.state.withLock({ $0.activity.idleTimerFired(generation: generation) }) else { return }
                self?.close(session, reason: "idle")
            }
            let previous = session.state.withLock { state in
                defer { state.idleTimer = timer }
                return state.idleTimer
            }
            previous?.cancel()
        }
    }

    private static var loop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
}
