import Synchronization

/// Diagnostics collected as they are found, from any thread (providers report theirs while
/// they load); in the order reported.
package final class Diagnostics: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    package init() {}

    package func report(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    package func report(_ diagnostics: some Sequence<Diagnostic>) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Everything reported so far.
    package var all: [Diagnostic] { items.withLock { $0 } }

    /// How many are at `severity` or worse.
    package func count(atLeast severity: Diagnostic.Severity) -> Int {
        items.withLock { $0.count { $0.severity >= severity } }
    }
}
