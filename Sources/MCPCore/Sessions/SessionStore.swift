import Foundation
import Logging
import Observability
import Synchronization

/// The live sessions: at most `maxSessions` in all and `maxSessionsPerUser` per user, counting
/// those being initialized (see ``SessionCapacity``), each closed when its newest token expires
/// or after `idleTimeoutNanoseconds` without requests or open streams.
package final class SessionStore: Sendable {
    package var maxSessions: Int { state.withLock { $0.capacity.maxSessions } }
    /// How long a session may sit idle before it is closed, in nanoseconds.
    package let idleTimeoutNanoseconds: UInt64
    /// The clock and timers of idle and expiry closing.
    package let time: any TimeSource
    package let logger: Logger
    package let metrics: ServerMetrics?
    /// Refusals may come by the thousand (a client retrying in a loop): one line every 10 s.
    private let refusals: ThrottledLog

    private struct State {
        var sessions: [String: MCPSession] = [:]
        var capacity: SessionCapacity
    }

    private let state: Mutex<State>
    /// Called with each session as it closes (to notify, count, clean up).
    private let onClose = Mutex<[@Sendable (MCPSession) -> Void]>([])

    package init(
        maxSessions: Int, maxSessionsPerUser: Int = Int.max, idleTimeoutMs: Int, logger: Logger,
        metrics: ServerMetrics? = nil, time: any TimeSource
    ) {
        self.time = time
        self.state = Mutex(
            State(capacity: SessionCapacity(maxSessions: maxSessions, maxSessionsPerUser: maxSessionsPerUser)))
        self.idleTimeoutNanoseconds =
            UInt64(clamping: max(idleTimeoutMs, 0)).multipliedReportingOverflow(by: 1_000_000).overflow
            ? .max : UInt64(max(idleTimeoutMs, 0)) * 1_000_000
        self.logger = logger
        self.metrics = metrics
        self.refusals = ThrottledLog(logger: logger)
    }

    package var count: Int { state.withLock { $0.sessions.count } }

    /// Holds a place for a session of `userID` being initialized, closing that user's least
    /// recently used idle session when they are at their cap; the cap that was hit otherwise.
    package func reserve(for userID: String) -> Result<Void, SessionCapacity.Cap> {
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

    package func cancelReservation(for userID: String) {
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

    /// Turns a reservation into a live session and arms its timers, and returns it; when a
    /// session of that id is live already (two requests took over one session of another
    /// instance at once), the reservation is given back and the live one is returned.
    @discardableResult
    package func activate(_ session: MCPSession) -> MCPSession {
        let live = state.withLock { state -> MCPSession? in
            if let live = state.sessions[session.id] {
                state.capacity.release(session.userID)
                return live
            }
            state.sessions[session.id] = session
            return nil
        }
        if let live { return live }
        metrics?.sessionOpened(session.transport)
        let now = time.nowNanoseconds()
        let action = session.state.withLock {
            $0.lastUsed = now
            return $0.activity.start(now: now, timeoutNanoseconds: idleTimeoutNanoseconds)
        }
        apply(action, to: session)
        armExpiryTimer(session, at: session.owner.expiresAt)
        logger.debug(
            "session opened", metadata: ["session": "\(session.id)", "transport": "\(session.transport.rawValue)"])
        return session
    }

    package func session(_ id: String) -> MCPSession? {
        state.withLock { $0.sessions[id] }
    }

    /// A request of `principal` on `session`: refused for another user; a fresh token of the
    /// session's user becomes the session's (used upstream from now on, its expiry the session's;
    /// the expiry timer reads it when it fires, so a renewal costs no timer).
    package func admit(_ principal: Principal, to session: MCPSession) -> Bool {
        session.adopt(principal, now: time.nowNanoseconds()) == .sameUser
    }

    package func requestStarted(_ session: MCPSession) {
        session.state.withLock { $0.activity.requestStarted() }
    }

    package func requestFinished(_ session: MCPSession) {
        let now = time.nowNanoseconds()
        apply(session.state.withLock { $0.activity.requestFinished(now: now) }, to: session)
    }

    package func streamOpened(_ session: MCPSession) {
        session.state.withLock { $0.activity.streamOpened() }
    }

    package func streamClosed(_ session: MCPSession) {
        let now = time.nowNanoseconds()
        apply(session.state.withLock { $0.activity.streamClosed(now: now) }, to: session)
    }

    /// Ends a session: no more requests, its stream closes, its calls are cancelled.
    package func close(_ session: MCPSession, reason: String) {
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
    package func closeAll(reason: String) {
        for session in state.withLock({ Array($0.sessions.values) }) { close(session, reason: reason) }
    }

    /// Closes every session's server-to-client stream (a legacy SSE session ends with it).
    package func closeStreams() {
        for session in all { session.closeOutbound() }
    }

    package var all: [MCPSession] { state.withLock { Array($0.sessions.values) } }

    /// The ids of the sessions used since `since` (monotonic nanoseconds, see ``time``) or busy
    /// now (a request in flight, a stream open): those still in use, for the shared store.
    package func idsInUse(since: UInt64) -> [String] {
        all.compactMap { session in
            session.state.withLock { state in
                !state.closed && (state.lastUsed >= since || !state.activity.isIdle) ? session.id : nil
            }
        }
    }

    package func whenClosed(_ handler: @escaping @Sendable (MCPSession) -> Void) {
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
        let delay = Int64(clamping: Int64(max(expiry.timeIntervalSinceNow, 0) * 1e9))
        let timer = time.schedule(inNanoseconds: delay) { [weak self] in
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
        let delay = due == .max ? Int64.max : Int64(clamping: due &- time.nowNanoseconds())
        let timer = time.schedule(inNanoseconds: max(delay, 0)) { [weak self] in
            self?.idleTimerFired(session)
        }
        session.state.withLock { state in
            // A session closed meanwhile keeps no timer.
            if state.closed { timer.cancel() } else { state.idleTimer = timer }
        }
    }

    private func idleTimerFired(_ session: MCPSession) {
        let decision = session.state.withLock { $0.activity.timerFired(now: time.nowNanoseconds()) }
        switch decision {
        case .close: close(session, reason: "idle")
        case .rearm(let due): armIdleTimer(session, at: due)
        case .none: break
        }
    }

}
