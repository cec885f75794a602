import Foundation

/// CLOCK_MONOTONIC in nanoseconds, the clock of the ABI's deadlines.
package enum MonotonicClock {
    package static func nowNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
