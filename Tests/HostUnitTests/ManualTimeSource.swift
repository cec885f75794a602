import Synchronization

@testable import MCPCore

/// A clock the test moves: timers fire when `advance(by:)` passes their due time, on the
/// test's own thread (as swift-nio's `NIOAsyncTestingEventLoop` runs its scheduled tasks).
final class ManualTimeSource: TimeSource {
    private struct Timer {
        var due: UInt64
        var work: @Sendable () -> Void
    }

    private struct State {
        var now: UInt64 = 1_000_000_000
        var timers: [Int: Timer] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    func nowNanoseconds() -> UInt64 { state.withLock { $0.now } }

    func schedule(inNanoseconds nanoseconds: Int64, _ work: @escaping @Sendable () -> Void) -> any ScheduledTimer {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            let (sum, overflow) = state.now.addingReportingOverflow(UInt64(max(nanoseconds, 0)))
            let due = overflow ? UInt64.max : sum
            state.timers[state.nextID] = Timer(due: due, work: work)
            return state.nextID
        }
        return ManualTimer { [weak self] in self?.state.withLock { $0.timers[id] = nil } }
    }

    /// Timers armed and not yet fired or cancelled.
    var pendingTimers: Int { state.withLock { $0.timers.count } }

    /// Moves the clock forward, firing due timers in order of their due time.
    func advance(byNanoseconds nanoseconds: UInt64) {
        let target = state.withLock { $0.now + nanoseconds }
        while true {
            let next = state.withLock { state -> (@Sendable () -> Void)? in
                guard
                    let (id, timer) = state.timers.filter({ $0.value.due <= target }).min(by: {
                        $0.value.due < $1.value.due
                    })
                else {
                    state.now = target
                    return nil
                }
                state.timers[id] = nil
                state.now = max(state.now, timer.due)
                return timer.work
            }
            guard let next else { return }
            next()
        }
    }
}

private struct ManualTimer: ScheduledTimer {
    let onCancel: @Sendable () -> Void

    func cancel() { onCancel() }
}
