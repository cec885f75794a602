import Testing

@testable import Host

@Suite struct PendingCallsTests {
    @Test func completionResumesTheWaiterOnce() {
        var calls = PendingCalls<String>()
        calls.register(1, "first")
        #expect(calls.waitingCount == 1)
        guard case .resume(let waiter) = calls.complete(1) else {
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
        var calls = PendingCalls<String>()
        calls.register(7, "w")
        #expect(calls.abandon(7) == "w")
        #expect(calls.abandon(7) == nil)
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
        var calls = PendingCalls<Int>()
        guard case .violation = calls.complete(42) else {
            Issue.record("expected violation")
            return
        }
        #expect(calls.waiter(42) == nil)
    }
}
