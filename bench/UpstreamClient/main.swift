import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

// The benchmark's floor for outbound calls: AsyncHTTPClient alone, configured and driven as the
// server drives it (its event loops running Swift concurrency, one pooled client, the future
// API), POSTing ActionKit run requests to the stand-in from CONCURRENCY loops for SECONDS.
// Prints one JSON line: requests, requests per second, CPU microseconds per request.
//   bench-upstream-client URL CONCURRENCY SECONDS   (BENCH_TOKEN and BENCH_ACTION_BODY set)
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

let arguments = CommandLine.arguments
guard arguments.count == 4, let concurrency = Int(arguments[2]), let seconds = Double(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: bench-upstream-client URL CONCURRENCY SECONDS\n".utf8))
    exit(2)
}
let environment = ProcessInfo.processInfo.environment
try await UpstreamLoad(
    url: arguments[1], token: environment["BENCH_TOKEN"] ?? "",
    body: Array((environment["BENCH_ACTION_BODY"] ?? "{}").utf8)
).run(concurrency: concurrency, seconds: seconds)
