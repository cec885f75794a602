import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PluginRuntime

/// Closed-loop load on one URL through one AsyncHTTPClient, configured as the server's.
struct UpstreamLoad: Sendable {
    let url: String
    let token: String
    let body: [UInt8]

    func run(concurrency: Int, seconds: Double) async throws {
        let client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: OutboundClientConfiguration.make())
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
        let send: @Sendable () async throws -> Void = { [url, body] in
            let request = try HTTPClient.Request(url: url, method: .POST, headers: headers, body: .bytes(body))
            let response = try await client.execute(request: request, deadline: .now() + .seconds(10)).get()
            guard response.status == .ok else { throw UnexpectedStatus(status: response.status) }
        }
        for _ in 0..<min(200, concurrency * 10) { try await send() }  // warm the pool
        let started = ContinuousClock.now, cpu = Self.cpuSeconds()
        let end = started + .seconds(seconds)
        let count = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var sent = 0
                    while ContinuousClock.now < end {
                        try await send()
                        sent += 1
                    }
                    return sent
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuPerRequest = (Self.cpuSeconds() - cpu) / Double(max(count, 1)) * 1e6
        print(#"{"requests": \#(count), "rps": \#(Double(count) / wall), "cpu_us": \#(cpuPerRequest)}"#)
        try await client.shutdown()
    }

    struct UnexpectedStatus: Error {
        let status: HTTPResponseStatus
    }

    /// User and system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
