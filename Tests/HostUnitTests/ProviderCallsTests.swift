import Testing

@testable import Application
@testable import PluginRuntime

@Suite struct ProviderCallsTests {
    @Test func completionResumesTheWaiterOnce() {
        var calls = ProviderCalls<String>()
        calls.start(1, "first", deadline: 100)
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
        calls.start(7, "w", deadline: 100)
        #expect(calls.abandon(7)?.waiter == "w")
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
        var calls = ProviderCalls<Int>()
        guard case .violation = calls.complete(42) else {
            Issue.record("expected violation")
            return
        }
        #expect(calls.waiting(42) == nil)
    }
}
