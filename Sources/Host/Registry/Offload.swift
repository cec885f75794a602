import NIOPosix

/// CPU-heavy work (parsing a large catalog, compiling its schemas, serializing its pages) run
/// on NIO's blocking pool rather than on the event loop the calling task runs on (Swift
/// concurrency runs on the server's event loops): meanwhile the loops go on serving `/healthz`
/// and other requests. NIO's pool is the library's documented process singleton; when it is
/// not running, the work runs where it was asked for.
enum Offload {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }

    static func run<Value: Sendable, Failure: Error>(
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
