import Synchronization

/// The registry serving right now. A reload swaps in a new one in one step: requests that
/// began on the old one finish on it, and its provider instances are destroyed after them.
package final class LiveRegistry: Sendable {
    private let state: Mutex<ToolRegistry>

    package init(_ registry: ToolRegistry) {
        self.state = Mutex(registry)
    }

    /// The registry new requests use.
    package var current: ToolRegistry { state.withLock { $0 } }

    /// Runs `body` on the current registry, which is not retired before `body` returns.
    package func withCurrent<R: Sendable>(_ body: (ToolRegistry) async throws -> R) async rethrows -> R {
        // Taken under the lock that `swap` swaps under: a retired registry gets no new lease.
        let registry = state.withLock { registry in
            registry.acquireLease()
            return registry
        }
        defer { registry.releaseLease() }
        return try await body(registry)
    }

    /// Serves `registry` from now on; returns the old one, which requests that began on it still use.
    package func swap(to registry: ToolRegistry) -> ToolRegistry {
        state.withLock { current in
            defer { current = registry }
            return current
        }
    }

    /// Shuts `old` down once its last request is over (each waits at most its call deadline).
    package func retire(_ old: ToolRegistry) async {
        await Self.retire(old)
    }

    /// Shuts the current registry down after its requests (the server is stopping). Requests
    /// from now on find a registry without providers: no list or call reaches an instance being
    /// destroyed.
    package func shutdown() async {
        let closing = current
        let old = swap(
            to: ToolRegistry(
                providers: [], filter: closing.filter, callTimeout: closing.callTimeout, logger: closing.logger))
        await Self.retire(old)
    }

    private static func retire(_ registry: ToolRegistry) async {
        await registry.retirement()
        await registry.shutdown()
    }
}
