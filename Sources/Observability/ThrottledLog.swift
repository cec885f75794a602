import Logging
import Synchronization

/// Warnings about something that may happen many times a second under attack or overload
/// (refused connections, refused sessions): at most one line per kind every `interval`, saying
/// how many happened since the last line.
package final class ThrottledLog: Sendable {
    private let logger: Logger
    private let interval: UInt64
    private let kinds = Mutex<[String: (count: Int, lastLine: UInt64?)]>([:])

    /// `interval` in nanoseconds (10 s).
    package init(logger: Logger, intervalNanoseconds: UInt64 = 10_000_000_000) {
        self.logger = logger
        self.interval = intervalNanoseconds
    }

    /// Counts one of `kind`; writes `message` (with the count) when the kind's last line is old.
    package func warning(_ kind: String, _ message: @autoclosure () -> String, metadata: Logger.Metadata = [:]) {
        let now = MonotonicClock.nowNanoseconds()
        let count = kinds.withLock { kinds -> Int? in
            var entry = kinds[kind] ?? (0, nil)
            entry.count += 1
            defer { kinds[kind] = entry }
            if let last = entry.lastLine, now &- last < interval { return nil }
            defer { entry = (0, now) }
            return entry.count
        }
        guard let count else { return }
        var metadata = metadata
        metadata["count"] = "\(count)"
        logger.warning("\(message())", metadata: metadata)
    }
}
