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
        let timeout = UInt64(clamping: idleTimeout.nanoseconds)
        let action = session.state.withLock {
            $0.activity.start(now: MonotonicClock.nowNanoseconds(), timeoutNanoseconds: timeout)
        }
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
        session.state.withLock { $0.activity.requestStarted() }
    }

    func requestFinished(_ session: MCPSession) {
        let now = MonotonicClock.nowNanoseconds()
        apply(session.state.withLock { $0.activity.requestFinished(now: now) }, to: session)
    }

    func streamOpened(_ session: MCPSession) {
        session.state.withLock { $0.activity.streamOpened() }
    }

    func streamClosed(_ session: MCPSession) {
        let now = MonotonicClock.nowNanoseconds()
        apply(session.state.withLock { $0.activity.streamClosed(now: now) }, to: session)
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
        guard case .armIdleTimer(let due) = action else { return }
        armIdleTimer(session, at: due)
    }

    private func armIdleTimer(_ session: MCPSession, at due: UInt64) {
        let delay = due == .max ? Int64.max : Int64(clamping: due &- MonotonicClock.nowNanoseconds())
        let timer = Self.loop.scheduleTask(in: .nanoseconds(max(delay, 0))) { [weak self] () -> Void in
            self?.idleTimerFired(session)
        }
        session.state.withLock { state in
            // A session closed meanwhile keeps no timer.
            if state.closed { timer.cancel() } else { state.idleTimer = timer }
        }
    }

    private func idleTimerFired(_ session: MCPSession) {
        let decision = session.state.withLock { $0.activity.timerFired(now: MonotonicClock.nowNanoseconds()) }
        switch decision {
        case .close: close(session, reason: "idle")
        case .rearm(let due): armIdleTimer(session, at: due)
        case .none: break
        }
    }

    private static var loop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
}
