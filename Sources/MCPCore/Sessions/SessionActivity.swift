/// When an idle session ends, as a plain state machine over a monotonic clock in nanoseconds.
/// A session with a request in flight or an open server-to-client stream is busy; it ends once
/// it has been idle for the whole timeout.
///
/// One timer at most is armed, and requests never touch it: becoming busy only clears
/// `idleSince`, becoming idle only sets it. When the timer fires it closes the session if it has
/// been idle long enough, re-arms for the rest of the time if it became idle again meanwhile,
/// and does nothing while the session is busy (becoming idle arms it anew). A timer per request
/// would cost two cross-thread wake-ups on every call.
package struct SessionActivity: Sendable {
    package enum Action: Equatable {
        case none
        /// Arm the idle timer to fire at this time.
        case armIdleTimer(atNanoseconds: UInt64)
    }

    package enum TimerDecision: Equatable {
        /// The session has been idle for the whole timeout: close it.
        case close
        /// Not yet: fire again at this time.
        case rearm(atNanoseconds: UInt64)
        /// Busy: no timer until it is idle again.
        case none
    }

    package private(set) var activeRequests = 0
    package private(set) var openStreams = 0
    /// When the session last became idle; nil while it is busy.
    package private(set) var idleSince: UInt64?
    private var timeout: UInt64 = .max
    private var timerArmed = false

    package var isIdle: Bool { activeRequests == 0 && openStreams == 0 }

    /// A new session starts idle, with its timer armed.
    package mutating func start(now: UInt64, timeoutNanoseconds: UInt64) -> Action {
        timeout = timeoutNanoseconds
        return becameIdle(now)
    }

    package mutating func requestStarted() { becomeBusy { $0.activeRequests += 1 } }
    package mutating func requestFinished(now: UInt64) -> Action { becomeFree(now) { $0.activeRequests -= 1 } }
    package mutating func streamOpened() { becomeBusy { $0.openStreams += 1 } }
    package mutating func streamClosed(now: UInt64) -> Action { becomeFree(now) { $0.openStreams -= 1 } }

    package mutating func timerFired(now: UInt64) -> TimerDecision {
        timerArmed = false
        guard let idleSince else { return .none }
        let due = Self.adding(idleSince, timeout)
        guard now < due else { return .close }
        timerArmed = true
        return .rearm(atNanoseconds: due)
    }

    private mutating func becomeBusy(_ change: (inout SessionActivity) -> Void) {
        change(&self)
        idleSince = nil
    }

    private mutating func becomeFree(_ now: UInt64, _ change: (inout SessionActivity) -> Void) -> Action {
        change(&self)
        precondition(activeRequests >= 0 && openStreams >= 0, "unbalanced session activity")
        return isIdle ? becameIdle(now) : .none
    }

    private mutating func becameIdle(_ now: UInt64) -> Action {
        idleSince = now
        guard !timerArmed else { return .none }
        timerArmed = true
        return .armIdleTimer(atNanoseconds: Self.adding(now, timeout))
    }

    private static func adding(_ time: UInt64, _ duration: UInt64) -> UInt64 {
        let (sum, overflow) = time.addingReportingOverflow(duration)
        return overflow ? .max : sum
    }
}
