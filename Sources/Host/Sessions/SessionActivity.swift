/// When a session is idle, as a plain state machine: a session with a request in flight or an
/// open server-to-client stream is busy; the idle timer runs only while it is neither. Each
/// arming gets a new generation, so a timer that fires after the session became busy again
/// (or was re-armed) is recognised as stale and ignored.
struct SessionActivity: Sendable {
    enum Action: Equatable {
        case none
        case cancelIdleTimer
        /// Arm the idle timer, tagged with this generation.
        case armIdleTimer(generation: UInt64)
    }

    private(set) var activeRequests = 0
    private(set) var openStreams = 0
    private(set) var generation: UInt64 = 0

    var isIdle: Bool { activeRequests == 0 && openStreams == 0 }

    /// A new session starts idle, with its timer armed.
    mutating func start() -> Action { arm() }

    mutating func requestStarted() -> Action { becomeBusy { $0.activeRequests += 1 } }
    mutating func requestFinished() -> Action { becomeFree { $0.activeRequests -= 1 } }
    mutating func streamOpened() -> Action { becomeBusy { $0.openStreams += 1 } }
    mutating func streamClosed() -> Action { becomeFree { $0.openStreams -= 1 } }

    /// True when a timer of `generation` firing now should end the session.
    func idleTimerFired(generation: UInt64) -> Bool { isIdle && generation == self.generation }

    private mutating func becomeBusy(_ change: (inout SessionActivity) -> Void) -> Action {
        let wasIdle = isIdle
        change(&self)
        guard wasIdle else { return .none }
        generation += 1
        return .cancelIdleTimer
    }

    private mutating func becomeFree(_ change: (inout SessionActivity) -> Void) -> Action {
        change(&self)
        precondition(activeRequests >= 0 && openStreams >= 0, "unbalanced session activity")
        return isIdle ? arm() : .none
    }

    private mutating func arm() -> Action {
        generation += 1
        return .armIdleTimer(generation: generation)
    }
}
