import Foundation
import Testing

/// The benchmark harness itself (scripts, stand-in, load driver), run for seconds on the test
/// build: it must produce its table. Its timings are not checked: they are bench/'s to report.
@Suite struct BenchSmokeTests {
    @Test func theHarnessRunsAndPrintsItsTable() async throws {
        let result = try await Subprocess.runAsync(
            "/bin/bash", [TestPaths.packageRoot + "/bench/run", "--smoke", "--bin", TestPaths.buildDirectory],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| measure") }
        #expect(rows.count == 27, "\(result.stdout)")
        for measure in [
            "tools/call, 2 sessions", "tools/call without sessions (2026-07-28 single exchange), 2 users",
            "CPU time per 1,000 single-exchange calls (2026-07-28, no sessions)",
            "upstream alone", "added latency", "tools/list, first page", "full paginated walk",
            "idle sessions", "start-up to ready", "CPU time per 1,000 calls", "floor: HTTP server",
            "floor: outbound client", "spec load: Stripe-like", "spec load: Slack",
            "tool search recall@1 / recall@5 / MRR (266 labelled queries)", "tool search latency (2,600 tools",
            "search index build (2,600 tools",
            "tools/call, cluster of 2 instances behind a round-robin proxy, 2 sessions",
            "tools/call, cluster of 2 instances behind a round-robin proxy, without sessions",
            "store round trips per 1,000 cluster calls, sessions",
            "store round trips per 1,000 cluster calls, 2026-07-28",
        ] {
            #expect(rows.contains { $0.contains(measure) }, "no row for \(measure)")
        }
        #expect(!result.stdout.contains("bad answers") && !result.stdout.contains("socket errors"), "\(result.stdout)")
        // The single-exchange run's answers checked out (bench/wrk/modern.lua counts anything
        // but a complete, successful result as bad) and it ran calls at all.
        let modern = rows.first { $0.contains("tools/call without sessions") } ?? ""
        #expect(
            modern.contains(" req/s; p50 ") && !modern.contains("bad answers") && !modern.contains(" 0 req/s"),
            "\(modern)")
        // The cluster's plumbing (PostgreSQL, two instances, the proxy, their metrics) in both
        // eras, sessions served by either instance; skipped only where PostgreSQL is missing.
        for era in ["round-robin proxy, without sessions", "round-robin proxy, 2 sessions"] {
            let cluster = rows.first { $0.contains(era) } ?? ""
            let measured = cluster.contains(" req/s; p50 ") && !cluster.contains(" 0 req/s")
            #expect(measured || cluster.contains("skipped: PostgreSQL"), "\(cluster)")
        }
        #expect(result.stdout.contains("Machine: ") && !result.stdout.contains("not built"), "\(result.stdout)")
        #expect(!result.stdout.contains("tool search evaluation | failed"), "\(result.stdout)")
    }
}
