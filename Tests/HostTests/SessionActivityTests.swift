import Testing

@testable import Host

@Suite struct SessionActivityTests {
    @Test func theIdleTimerRunsOnlyWhileNothingIsInFlight() {
        var activity = SessionActivity()
        guard case .armIdleTimer(let first) = activity.start() else { Issue.record("start must arm"); return }
        #expect(activity.idleTimerFired(generation: first))
        #expect(activity.requestStarted() == .cancelIdleTimer)
        #expect(!activity.idleTimerFired(generation: first), "a request in flight keeps the session")
        #expect(activity.requestStarted() == .none)
        #expect(activity.requestFinished() == .none)
        guard case .armIdleTimer(let second) = activity.requestFinished() else { Issue.record("must re-arm"); return }
        #expect(second > first)
        #expect(!activity.idleTimerFired(generation: first), "a stale timer is ignored")
        #expect(activity.idleTimerFired(generation: second))
    }

    @Test func anOpenStreamKeepsTheSessionAlive() {
        var activity = SessionActivity()
        _ = activity.start()
        #expect(activity.streamOpened() == .cancelIdleTimer)
        #expect(activity.requestStarted() == .none)
        #expect(activity.requestFinished() == .none)
        #expect(!activity.isIdle)
        guard case .armIdleTimer = activity.streamClosed() else { Issue.record("closing the stream re-arms"); return }
        #expect(activity.isIdle)
    }
}
