import Testing

@testable import Application
@testable import PluginRuntime

@Suite struct ProviderCallsTests {
    /// Starts call `id` and hands it to the provider; true when both took.
    static func handedOver(_ calls: inout ProviderCalls<String>, _ id: UInt64, _ waiter: String, deadline: UInt64)
        -> Bool
    {
        calls.start(id, waiter, deadline: deadline) && calls.handOver(id)
    }

    @Test func completionResumesTheWaiterOnce() {
        var calls = ProviderCalls<String>()
        #expect(Self.handedOver(&calls, 1, "first", deadline: 100))
        #expect(calls.waitingCount == 1)
        guard case .resume(let waiter, drained: false) = calls.complete(1) else {
            Issue.record("expected resume")
            return
        }
        #expect(waiter == "first")
        guard case .violation = calls.complete(1) else {
            Issue.record("a second completion must be a violation")
            return
        }
        #expect(calls.waitingCount == 0)
    }

    @Test func abandonedCallsDiscardTheirLateCompletion() {
        var calls = ProviderCalls<String>()
        #expect(Self.handedOver(&calls, 7, "w", deadline: 100))
        let step5 = calls.abandon(7)?.waiter
        #expect(step5 == "w")
        let step6 = calls.abandon(7)
        #expect(step6 == nil)
        #expect(calls.waitingCount == 0)
        #expect(calls.abandonedCount == 1)
        guard case .discardLate = calls.complete(7) else {
            Issue.record("a late completion must be discarded")
            return
        }
        #expect(calls.abandonedCount == 0)
        guard case .violation = calls.complete(7) else {
            Issue.record("after the late completion, the id is unknown")
            return
        }
    }

    @Test func unknownIdsAreViolations() {
        var calls = ProviderCalls<Int>()
        guard case .violation = calls.complete(42) else {
            Issue.record("expected violation")
            return
        }
        #expect(calls.waiting(42) == nil)
    }

    @Test func aCallAbandonedBeforeItsHandOverIsForgottenAndNeverGiven() {
        var calls = ProviderCalls<String>()
        let step7 = calls.start(3, "w", deadline: 100)
        #expect(step7)
        let abandoned = calls.abandon(3)
        #expect(abandoned?.handedOver == false)
        let step8 = calls.handOver(3)
        #expect(!step8, "an abandoned call is not given to the provider")
        #expect(calls.abandonedCount == 0)
        let step9 = calls.abandonFinished(3)
        #expect(step9 == false)
    }

    @Test func theDrainEndsOnceAfterTheLastCallAndItsAbandonment() {
        var calls = ProviderCalls<String>()
        #expect(Self.handedOver(&calls, 1, "a", deadline: 10))
        #expect(Self.handedOver(&calls, 2, "b", deadline: 99))
        let step14 = calls.drain()
        #expect(step14 == .waitForLastCall)
        let step15 = calls.start(3, "c", deadline: 99)
        #expect(!step15, "a draining instance takes no new call")
        #expect(calls.overdue(now: 50) == [1])
        let step16 = calls.abandon(1)?.handedOver
        #expect(step16 == true)
        // Call 2 completes while call 1's abandonment is still cancelling: not drained yet.
        guard case .resume(_, drained: false) = calls.complete(2) else {
            Issue.record("the drain must wait for the abandonment in progress")
            return
        }
        let step17 = calls.abandonFinished(1)
        #expect(step17)
        let step18 = calls.abandonFinished(1)
        #expect(!step18)
        guard case .discardLate = calls.complete(1) else {
            Issue.record("the abandoned call's late completion is discarded")
            return
        }
    }

    @Test func requestsOfACallAreCancelledWithIt() {
        var calls = ProviderCalls<String>()
        #expect(Self.handedOver(&calls, 5, "w", deadline: 100))
        let step21 = calls.requestStarted(40, call: 5)
        let step21b = calls.requestStarted(41, call: 5)
        #expect(step21 && step21b)
        calls.requestFinished(40, call: 5)
        let step22 = calls.abandon(5)?.requests
        #expect(step22 == [41])
        let step23 = calls.requestStarted(42, call: 5)
        #expect(!step23, "a request for an abandoned call is refused")
        let step24 = calls.requestStarted(43, call: 0)
        #expect(step24, "a request outside any call is not tracked")
    }

    @Test func anEmptyInstanceDrainsAtOnce() {
        var calls = ProviderCalls<Int>()
        let step25 = calls.drain()
        #expect(step25 == .destroyNow)
    }
}
