import MCPCore
import NIOPosix

/// Runs offloaded work on NIO's blocking pool (`NIOThreadPool.singleton`, the library's
/// documented process singleton); when that pool is not running, where it was asked for.
package struct ThreadPoolOffloader: Offloader {
    package init() {}

    package func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        (try? await NIOThreadPool.singleton.runIfActive(work)) ?? work()
    }
}
