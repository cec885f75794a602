/// Where CPU-heavy work runs (parsing a large catalog, compiling its schemas, serializing its
/// pages): off the executor of the calling task, which in the server is an event loop that
/// must go on serving `/healthz` and other requests meanwhile. The application injects NIO's
/// blocking pool (``PluginRuntime``'s `ThreadPoolOffloader`); tests run the work inline.
package protocol Offloader: Sendable {
    /// Runs `work` and returns its value.
    func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value
}

extension Offloader {
    /// Runs throwing `work`; its error is rethrown to the caller.
    package func run<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await run { () -> Result<Value, Failure> in
            do throws(Failure) {
                return .success(try work())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Runs work where it is asked for: for tests and tools that have no event loop to protect.
package struct InlineOffloader: Offloader {
    package init() {}

    package func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value { work() }
}
