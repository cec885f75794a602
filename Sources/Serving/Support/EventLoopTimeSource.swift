import MCPCore
import NIOCore
import NIOPosix
import Observability

/// The core's time in the server: CLOCK_MONOTONIC, and timers on the event loops of `group`
/// (by default NIO's `MultiThreadedEventLoopGroup.singleton`, the library's documented
/// process-wide group that Hummingbird serves on too).
package struct EventLoopTimeSource: TimeSource {
    private let group: any EventLoopGroup

    package init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    package func nowNanoseconds() -> UInt64 { MonotonicClock.nowNanoseconds() }

    package func schedule(
        inNanoseconds nanoseconds: Int64, _ work: @escaping @Sendable () -> Void
    ) -> any ScheduledTimer {
        EventLoopTimer(scheduled: group.any().scheduleTask(in: .nanoseconds(max(nanoseconds, 0)), work))
    }
}

private struct EventLoopTimer: ScheduledTimer {
    let scheduled: Scheduled<Void>

    func cancel() { scheduled.cancel() }
}
