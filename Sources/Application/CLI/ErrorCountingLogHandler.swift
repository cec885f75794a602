import Logging
import Synchronization

/// Passes every message on, and counts those at error level or worse, so that `check` fails when
/// a provider reported a problem it could live with (a broken spec file it skipped, say).
struct ErrorCountingLogHandler: LogHandler {
    final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        var count: Int { value.load(ordering: .relaxed) }
        func increment() { value.add(1, ordering: .relaxed) }
    }

    var wrapped: any LogHandler
    let counter: Counter

    var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if event.level >= .error { counter.increment() }
        wrapped.log(event: event)
    }
}
