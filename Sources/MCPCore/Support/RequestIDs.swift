import Synchronization

/// Short ids for log lines and upstream `X-Request-Id`: a random prefix per dispatcher and a
/// counter, e.g. `k3f9a2-17`.
package final class RequestIDs: Sendable {
    private let counter = Atomic<UInt64>(0)
    private let prefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    package init() {}

    package func next() -> String {
        "\(prefix)-\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
    }
}
