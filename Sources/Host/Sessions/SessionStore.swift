import Foundation
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The live sessions: at most `maxSessions` in all and `maxSessionsPerUser` per user, counting
/// those being initialized (see ``SessionCapacity``), each closed when its newest token expires
/// or after `idleTimeout` without requests or open streams.
public final class SessionStore: Sendable {
    public var maxSessions: Int { state.withLock { $0.capacity.maxSessions } }
    let idleTimeout: TimeAmount
    let logger: Logger
    let metrics: ServerMetrics?
    /// Refusals may come by the thousand (a client retrying in a loop): one line every 10 s.
    private let refusals: ThrottledLog

    private struct State {
        var sessions: [String: MCPSession] = [:]
        var capacity: SessionCapacity
    }

    private let state: Mutex<State>
    /// Called with each session as it closes (to notify, count, clean up).
    private let onClose = Mutex<[@Sendable (MCPSession) -> Void]>([])

    public init(
        maxSessions: Int, maxSessionsPerUser: Int = Int.max, idleTimeoutMs: Int, logger: Logger,
        metrics: ServerMetrics? = nil
    ) {
        self.state = Mutex(
            State(capacity: SessionCapacity(maxSessions: maxSessions, maxSessionsPerUser: maxSessionsPerUser)))
        self.idleTimeout = .milliseconds(Int64(clamping: idleTimeoutMs))
        self.logger = logger
        self.metrics = metrics
        self.refusals = ThrottledLog(logger: logger)
    }

    public var count: Int { state.withLock { $0.sessions.count } }

    /// Holds a place for a session of `userID` being initialized, closing that user's least
    /// recently used idle session when they are at their cap; the cap that was hit otherwise.
    func reserve(for userID: String) -> Result<Void, SessionCapacity.Cap> {
        var canMakeRoom = true
        while true {
            let decision = state.withLock { $0.capacity.reserve(userID, canMakeRoom: canMakeRoom) }
            switch decision {
            case .granted:
                return .success(())
            case .refused(let cap):
                let kind = if case .global = cap { "global" } else { "per-user" }
                refusals.warning(kind, "sessions refused: \(cap)", metadata: ["user": "\(userID)"])
                return .failure(cap)
            case .makeRoom:
                guard let victim = leastRecentlyUsedIdleSession(of: userID) else {
                    canMakeRoom = false
                    continue
                }
                logger.info(
                    "closing the user's least recently used idle session to make room for a new one",
                    metadata: ["user": "\(userID)", "session": "\(victim.id)"])
                close(victim, reason: "the user's session cap was reached")
            }
        }
    }

    func cancelReservation(for userID: String) {
        state.withLock { $0.capacity.release(userID) }
    }

    private func leastRecentlyUsedIdleSession(of userID: String) -> MCPSession? {
        let theirs = state.withLock { state in state.sessions.values.filter { $0.userID == userID } }
        return
            theirs
            .compactMap { session in
                session.state.withLock { $0.activity.isIdle && !$0.closed ? (session, $0.lastUsed) : nil }
            }
            .min { $0.1 < $1.1 }?.0
    }

    /// Turns a reservation into a live session and arms its timers.
    func activate(_ session: MCPSession) {
        state.withLock { $0.sessions[session.id] = session }
        metrics?.sessionOpened(session.transport)
        let timeout = UInt64(clamping: idleTimeout.nanoseconds)
        let action = session.state.withLock {
            $0.activity.start(now: MonotonicClock.nowNanoseconds(), timeoutNanoseconds: timeout)
        }
        apply(action, to: session)
        armExpiryTimer(session, at: session.owner.expiresAt)
        logger.debug(
            "session opened", metadata: ["session": "\(session.id)", "transport": "\(session.transport.rawValue)"])
    }

    public func session(_ id: String) -> MCPSession? {
        state.withLock { $0.sessions[id] }
    }

    /// A request of `principal` on `session`: refused for another user; a fresh token of the
    /// session's user becomes the session's (used upstream from now on, its expiry the session's;
    /// the expiry timer reads it when it fires, so a renewal costs no timer).
    func admit(_ principal: Principal, to session: MCPSession) -> Bool {
        session.adopt(principal) == .sameUser
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
        let removed = state.withLock { state in
            guard state.sessions.removeValue(forKey: session.id) != nil else { return false }
            state.capacity.release(session.userID)
            return true
        }
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
        outbound?.continuation.finish()
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

    /// The session ends when its token expires (none: never). A renewed token moves the expiry
    /// later without touching the timer: when it fires, it closes the session or re-arms for the
    /// session's token of the moment.
    private func armExpiryTimer(_ session: MCPSession, at expiry: Date?) {
        guard let expiry else { return }
        let delay = TimeAmount.nanoseconds(Int64(clamping: Int64(max(expiry.timeIntervalSinceNow, 0) * 1e9)))
        let timer = Self.loop.scheduleTask(in: delay) { [weak self] () -> Void in
            self?.expiryTimerFired(session)
        }
        session.state.withLock { state in
            if state.closed { timer.cancel() } else { state.expiryTimer = timer }
        }
    }

    private func expiryTimerFired(_ session: MCPSession) {
        // The session's token of the moment: none means it never expires.
        guard let expiry = session.owner.expiresAt else { return }
        if expiry.timeIntervalSinceNow > 0 {
            armExpiryTimer(session, at: expiry)
        } else {
            close(session, reason: "token expired")
        }
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
