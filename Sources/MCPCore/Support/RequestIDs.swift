import Synchronization

/// Short ids for log lines and upstream `X-Request-Id`: a per-process prefix and a counter.
package enum RequestIDs {
    private static let counter = Atomic<UInt64>(0)
    private static let prefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    package static func next() -> String {
        "\(prefix)-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
    }
}
