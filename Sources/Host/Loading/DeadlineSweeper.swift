import NIOCore
import NIOPosix
import Synchronization

/// Answers provider calls whose deadline has passed: one sweep over the waiting calls of every
/// instance each `interval`, rather than a timer per call (scheduling and cancelling one costs
/// two cross-thread wake-ups on every call). A deadline is thus met within `interval`.
final class DeadlineSweeper: Sendable {
    static let shared = DeadlineSweeper()
    static let interval = TimeAmount.milliseconds(20)

    /// Instance hosts live as long as the process (see InstanceHost), so they are held strongly.
    private let hosts = Mutex<[InstanceHost]>([])
    private let started = Atomic<Bool>(false)

    func watch(_ host: InstanceHost) {
        hosts.withLock { $0.append(host) }
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        MultiThreadedEventLoopGroup.singleton.any().scheduleRepeatedTask(
            initialDelay: Self.interval, delay: Self.interval
        ) { [self] _ in
            let now = MonotonicClock.nowNanoseconds()
            for host in hosts.withLock({ $0 }) { host.expireOverdueCalls(now: now) }
        }
    }
}
