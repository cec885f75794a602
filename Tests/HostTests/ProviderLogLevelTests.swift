import Logging
import PluginABI
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime

/// ABI 1.3's `host->log_level()`: a provider reads the level the host writes for it; providers
/// of ABI 1.0 to 1.2 still load and run. (A fixture claiming minor 2 builds byte for byte as it
/// does against the 1.2 header: 1.3 only appends to the host table, which a provider reads.)
@Suite struct ProviderLogLevelTests {
    let user = UserIdentity(userID: "user-1", token: "token-1")

    @Test func aProviderReadsTheLevelTheHostWritesForIt() async throws {
        let path = try CCompiler.fixture("log_level", "FIXTURE_LOG_LEVEL")
        let levels: [(Logger.Level, Int32)] = [
            (.trace, Int32(PARAGON_MCP_LOG_TRACE.rawValue)), (.debug, Int32(PARAGON_MCP_LOG_DEBUG.rawValue)),
            (.info, Int32(PARAGON_MCP_LOG_INFO.rawValue)), (.warning, Int32(PARAGON_MCP_LOG_WARNING.rawValue)),
        ]
        for (level, expected) in levels {
            let (capturing, logs) = CapturingLogHandler.logger()
            var logger = capturing
            logger.logLevel = level
            let instance = try TestProviders.instance(path, logger: logger)
            #expect(
                logs.all.filter { $0.contains("log level") } == ["warning host log level \(expected) provider=fixture"],
                "\(level)")
            await instance.destroy()
        }
    }

    @Test func providersOfOlderMinorsStillLoadAndRun() async throws {
        for minor in 0..<UInt32(PARAGON_MCP_ABI_MINOR) {
            let path = try CCompiler.fixture("old_minor\(minor)", "FIXTURE_MINOR=\(minor)")
            #expect(try ProviderLibrary.open(path: path).abiMinor == minor)
            let instance = try TestProviders.instance(path)
            let outcome = await instance.callTool(
                "FIXTURE_TOOL", arguments: Array("{}".utf8), for: user, requestID: "r", timeout: .seconds(5))
            #expect(TestProviders.text(of: outcome) == "done", "minor \(minor)")
            await instance.destroy()
        }
    }
}
