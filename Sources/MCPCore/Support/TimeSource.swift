/// Time as the core sees it: a monotonic clock and one-shot timers. The core never reads a
/// clock or schedules a timer on its own; the application injects ``Serving``'s event-loop
/// time source, and tests a manual one they advance themselves (as swift-nio's
/// `NIOAsyncTestingEventLoop` does).
package protocol TimeSource: Sendable {
    /// Now, in nanoseconds of a monotonic clock (CLOCK_MONOTONIC in production).
    func nowNanoseconds() -> UInt64

    /// Runs `work` once, `nanoseconds` from now (at once when not positive), unless the returned
    /// timer is cancelled first.
    func schedule(inNanoseconds nanoseconds: Int64, _ work: @escaping @Sendable () -> Void) -> any ScheduledTimer
}

/// A timer armed with ``TimeSource/schedule(inNanoseconds:_:)``.
package protocol ScheduledTimer: Sendable {
    /// Stops the timer; its work does not run if it had not started. Idempotent.
    func cancel()
}
