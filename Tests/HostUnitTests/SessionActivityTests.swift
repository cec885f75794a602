import Testing

@testable import Application
@testable import MCPCore

@Suite struct SessionActivityTests {
    @Test func theSessionEndsAfterAWholeTimeoutIdleAndRequestsNeverTouchTheTimer() {
        var activity = SessionActivity()
        #expect(activity.start(now: 0, timeoutNanoseconds: 100) == .armIdleTimer(atNanoseconds: 100))
        activity.requestStarted()
        activity.requestStarted()
        #expect(activity.requestFinished(now: 30) == .none)
        #expect(activity.requestFinished(now: 40) == .none, "the timer armed at start is still pending")
        #expect(activity.timerFired(now: 100) == .rearm(atNanoseconds: 140), "idle only since 40")
        #expect(activity.timerFired(now: 140) == .close)
    }

    @Test func aRequestInFlightKeepsTheSessionAndBecomingIdleArmsAgain() {
        var activity = SessionActivity()
        _ = activity.start(now: 0, timeoutNanoseconds: 100)
        activity.requestStarted()
        #expect(activity.timerFired(now: 100) == .none, "busy: no timer until idle")
        #expect(activity.requestFinished(now: 500) == .armIdleTimer(atNanoseconds: 600))
        #expect(activity.timerFired(now: 600) == .close)
    }

    @Test func anOpenStreamKeepsTheSessionAlive() {
        var activity = SessionActivity()
        _ = activity.start(now: 0, timeoutNanoseconds: 100)
        activity.streamOpened()
        activity.requestStarted()
        #expect(activity.requestFinished(now: 10) == .none)
        #expect(!activity.isIdle)
        #expect(activity.timerFired(now: 100) == .none)
        #expect(activity.streamClosed(now: 200) == .armIdleTimer(atNanoseconds: 300))
        #expect(activity.isIdle)
    }

    @Test func aHugeTimeoutNeverOverflows() {
        var activity = SessionActivity()
        #expect(activity.start(now: 5, timeoutNanoseconds: .max) == .armIdleTimer(atNanoseconds: .max))
        #expect(activity.timerFired(now: 1 << 62) == .rearm(atNanoseconds: .max))
    }
}
