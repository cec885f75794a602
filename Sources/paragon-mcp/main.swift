import Application
import NIOCore
import NIOPosix

// Swift concurrency runs on the same event loops as the HTTP server and the outbound client, so a
// request's tasks and its I/O stay on one thread instead of hopping between two thread pools.
// Must come first, before any task is created.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

await ParagonMCPCommand.runMain()
