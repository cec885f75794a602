import Foundation
import Logging
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime
@testable import Serving

/// A reload frees what it retires: the provider instances' host tables, their deadline-sweeper
/// entries and the sweep's timer, and memory stays flat.
@Suite struct ReloadLifecycleTests {
    final class Weak: @unchecked Sendable {
        weak var host: InstanceHost?
        init(_ host: InstanceHost) { self.host = host }
    }

    /// Resident memory of process `pid` in bytes, from /proc/<pid>/statm.
    static func residentBytes(of pid: Int32) throws -> Int {
        let statm = try String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8)
        let pages = Int(statm.split(separator: " ")[1]) ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func twoHundredReloadsLeaveNoInstanceTimerOrSweeperEntryBehind() async throws {
        let yaml = TestConfig.providers([("example", try CCompiler.example(), "")])
        let config = try TestConfig.load(yaml)
        var logger = Logger(label: "reload-lifecycle")
        logger.logLevel = .warning
        let runtime = ProviderRuntime()
        let empty = ToolRegistry(
            providers: [], filter: ToolFilter(config.limits), callTimeout: .seconds(5), logger: logger)
        let server = await MCPServer(
            config: config, registry: empty, signingKey: try TestTokens.key(), httpClient: runtime.http.client,
            logger: logger)
        let reloader = ConfigReloader(
            config: config, server: server, runtime: runtime, onSandbox: true, logger: logger,
            load: { () throws(ConfigErrors) in
                do { return try TestConfig.load(yaml) } catch let error as ConfigErrors { throw error } catch {
                    throw ConfigErrors(errors: [ConfigError(.invalidValue, at: .none, key: "", "\(error)")])
                }
            })
        try await reloader.start()
        let user = UserIdentity(userID: "u", token: "t")
        var retired: [Weak] = []
        for round in 1...200 {
            let registry = server.dispatcher.registry.current
            // Each registry serves a list and a call before it is retired.
            #expect(try await registry.tools(for: user, requestID: "r\(round)").isEmpty == false)
            if case .outcome(_, .result, _) = await registry.call(
                "EXAMPLE_ECHO", arguments: ["text": "hi"], for: user, requestID: "c\(round)")
            {
            } else {
                Issue.record("the call through registry \(round) failed")
            }
            retired += registry.providers.compactMap { ($0 as? ProviderInstance).map { Weak($0.host) } }
            #expect(await reloader.reload(reason: "test \(round)"))
        }
        #expect(retired.count == 200)
        // Retirement runs after the swap, on its own: wait for the last one.
        #expect(try await eventually(within: .seconds(20)) { retired.allSatisfy { $0.host == nil } })
        #expect(runtime.deadlines.watchedCount == 1)

        await server.dispatcher.registry.shutdown()
        #expect(runtime.deadlines.watchedCount == 0)
        #expect(!runtime.deadlines.isRunning)
        #expect(runtime.http.inFlightCount == 0)
        await runtime.shutdown()
    }

    /// The same on a real server process, reloaded by SIGHUP: its resident memory after 200
    /// reloads is what it was after 20 (within allocator noise).
    @Test func twoHundredSIGHUPReloadsKeepResidentMemoryFlat() async throws {
        let folder = TestPaths.scratch("reload-rss")
        let file = folder + "/config.yaml"
        try TestConfig.providers([("example", try CCompiler.example(), "")]).write(
            toFile: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(
            ["--config", file, "--sandbox"],
            environment: ["PORT": "\(try TestServer.freePort())", "SIGNING_KEY": try TestKeys.privateKeyPEM()],
            directory: folder)
        let log = ChildLog(child)
        try await log.wait(for: "listening on")
        var warm = 0
        for round in 1...200 {
            child.signal(SIGHUP)
            try await log.wait(for: "configuration reloaded")
            if round == 20 { warm = try Self.residentBytes(of: child.process.processIdentifier) }
        }
        let grown = try Self.residentBytes(of: child.process.processIdentifier) - warm
        #expect(grown < 8 << 20, "resident memory grew by \(grown >> 10) KiB over 180 reloads")
        #expect(try await log.stop() == 0)
    }
}
