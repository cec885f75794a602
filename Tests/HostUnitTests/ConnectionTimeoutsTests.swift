import Testing

@testable import Application
@testable import Serving

/// The connection guard's waits, on a clock the test controls.
@Suite struct ConnectionTimeoutsTests {
    let limits = ConnectionTimeouts.Limits(headNanoseconds: 10, bodyNanoseconds: 30, keepAliveNanoseconds: 60)

    @Test func aNewConnectionMustSendItsHeadInTime() {
        let state = ConnectionTimeouts(limits: limits, now: 100)
        #expect(state.opened() == .arm(atNanoseconds: 110))
        #expect(state.timerFired(now: 109) == .arm(atNanoseconds: 110))
        #expect(state.timerFired(now: 110) == .close(.head))
    }

    @Test func aBodyMustArriveInTimeThenTheResponseRunsUntimed() {
        var state = ConnectionTimeouts(limits: limits, now: 0)
        #expect(state.headReceived(now: 5) == .arm(atNanoseconds: 35))
        #expect(state.timerFired(now: 35) == .close(.body))
        #expect(state.requestEnded() == .disarm)
        // A long response (an event stream, a slow call) is never timed out.
        #expect(state.timerFired(now: 1_000_000) == .disarm)
        #expect(state.responseEnded(now: 2_000) == .arm(atNanoseconds: 2_060))
        #expect(state.timerFired(now: 2_059) == .arm(atNanoseconds: 2_060))
        #expect(state.timerFired(now: 2_060) == .close(.keepAlive))
    }

    @Test func anEarlyResponseDoesNotExcuseASlowBody() {
        var state = ConnectionTimeouts(limits: limits, now: 0)
        _ = state.headReceived(now: 0)
        // The server answered (401, say) before the body ended: the body's wait still runs.
        #expect(state.responseEnded(now: 1) == .arm(atNanoseconds: 30))
        #expect(state.timerFired(now: 30) == .close(.body))
    }

    @Test func pipelinedRequestsKeepTheConnectionBusyUntilTheLastResponse() {
        var state = ConnectionTimeouts(limits: limits, now: 0)
        _ = state.headReceived(now: 1)
        _ = state.requestEnded()
        _ = state.headReceived(now: 2)
        _ = state.requestEnded()
        #expect(state.responseEnded(now: 3) == .disarm)
        #expect(state.responseEnded(now: 4) == .arm(atNanoseconds: 64))
    }

    @Test func hugeLimitsNeverOverflow() {
        let huge = ConnectionTimeouts.Limits(headNanoseconds: .max, bodyNanoseconds: .max, keepAliveNanoseconds: .max)
        let state = ConnectionTimeouts(limits: huge, now: 5)
        #expect(state.opened() == .arm(atNanoseconds: .max))
    }
}
