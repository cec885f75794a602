import Foundation
import Logging
import PluginABI
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime

@Suite struct LoadingTests {
    let user = UserIdentity(userID: "user-1", token: "token-1")

    @Test func theCExampleLoadsListsAndCalls() async throws {
        let path = try CCompiler.example()
        let library = try ProviderLibrary.open(path: path)
        #expect(library.name == "example")
        #expect(library.version == "1.0.0")
        #expect(library.abiMajor == 1 && library.abiMinor == UInt32(PARAGON_MCP_ABI_MINOR))
        let (logger, logs) = CapturingLogHandler.logger()
        let instance = try TestProviders.instance(path, name: "example", logger: logger)
        #expect(logs.contains("example provider created provider=example"))

        let listed = await instance.listTools(for: user, requestID: "r1", timeout: .seconds(5))
        guard case .result(let bytes) = listed else { Issue.record("list: \(listed)"); return }
        let (tools, problems) = try ToolListParser.parse(bytes, provider: "example")
        #expect(problems.isEmpty)
        #expect(tools.map(\.name) == ["EXAMPLE_ECHO", "EXAMPLE_HTTP_GET"])
        #expect(tools.allSatisfy { $0.integration == "example" })

        let echoed = await instance.callTool(
            "EXAMPLE_ECHO", arguments: Array(#"{"text":"hi \"there\""}"#.utf8), for: user, requestID: "r2",
            timeout: .seconds(5))
        #expect(TestProviders.text(of: echoed) == "hi \"there\"")

        let missing = await instance.callTool(
            "EXAMPLE_ECHO", arguments: Array("{}".utf8), for: user, requestID: "r3", timeout: .seconds(5))
        #expect(missing == .toolError("text is required"))
        await instance.destroy()
    }

    @Test func theSwiftProvidersLoadThroughTheABI() throws {
        for (library, name) in [("ActionKit", "actionkit"), ("OpenAPICustom", "openapi"), ("ProxyAPI", "proxy")] {
            let loaded = try ProviderLibrary.open(path: TestPaths.buildDirectory + "/lib\(library).so")
            #expect(loaded.name == name)
            #expect(loaded.version == "0.1.0")
            #expect(loaded.abiMajor == 1)
            #expect(loaded.summary?.isEmpty == false)
        }
    }

    @Test func aMissingEntrySymbolNamesThePath() throws {
        let path = try CCompiler.fixture("no_entry", "FIXTURE_NO_ENTRY")
        #expect(throws: LoadError.missingEntry(path: path, symbol: "paragon_mcp_provider_v1")) {
            try ProviderLibrary.open(path: path)
        }
    }

    @Test func anotherMajorVersionIsRefusedWithBothVersions() throws {
        let path = try CCompiler.fixture("major2", "FIXTURE_MAJOR=2")
        do {
            _ = try ProviderLibrary.open(path: path)
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error
                    == .incompatibleABI(
                        path: path, providerMajor: 2, providerMinor: UInt32(PARAGON_MCP_ABI_MINOR), hostMajor: 1,
                        hostMinor: UInt32(PARAGON_MCP_ABI_MINOR)))
            #expect("\(error)".contains(path))
            #expect(
                "\(error)".contains("ABI 2.\(PARAGON_MCP_ABI_MINOR)") && "\(error)".contains("ABI \(TestPaths.abi)"))
        }
    }

    @Test func aNewerMinorIsRefused() throws {
        let path = try CCompiler.fixture("minor7", "FIXTURE_MINOR=7")
        #expect(
            throws: LoadError.incompatibleABI(
                path: path, providerMajor: 1, providerMinor: 7, hostMajor: 1,
                hostMinor: UInt32(PARAGON_MCP_ABI_MINOR))
        ) {
            try ProviderLibrary.open(path: path)
        }
    }

    @Test func aFileThatIsNotALibraryNamesThePath() throws {
        let path = TestPaths.scratch("notlib") + "/libbroken.so"
        try "not an ELF file".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ProviderLibrary.open(path: path)
            Issue.record("expected a refusal")
        } catch {
            guard case .notALibrary(let failedPath, _) = error else { Issue.record("\(error)"); return }
            #expect(failedPath == path)
        }
    }

    @Test func aFailedCreateShowsTheProvidersMessage() throws {
        let path = try CCompiler.fixture("create_fails", "FIXTURE_CREATE_FAILS")
        #expect(
            throws: LoadError.createFailed(
                provider: "fixture", path: path,
                message: "the fixture refuses to start: missing api_key")
        ) {
            try TestProviders.instance(path)
        }
    }

    @Test func aProviderThatNeverCompletesMeetsTheDeadline() async throws {
        let path = try CCompiler.fixture("never", "FIXTURE_NEVER_COMPLETES")
        let instance = try TestProviders.instance(path)
        let cancelsBefore = try Self.cancelCount(path)
        // The outcome itself shows the deadline answered (the provider never completes).
        let outcome = await instance.callTool(
            "FIXTURE_TOOL", arguments: Array("{}".utf8), for: user, requestID: "r", timeout: .milliseconds(200))
        #expect(outcome == .timedOut)
        #expect(try Self.cancelCount(path) == cancelsBefore + 1)
        // The server goes on: listing still works.
        guard case .result = await instance.listTools(for: user, requestID: "r", timeout: .seconds(1)) else {
            Issue.record("listing after a timeout failed")
            return
        }
    }

    @Test func cancellingTheCallerCancelsTheProviderCall() async throws {
        let path = try CCompiler.fixture("never_cancel", "FIXTURE_NEVER_COMPLETES")
        let instance = try TestProviders.instance(path)
        let user = self.user
        let task = Task {
            await instance.callTool(
                "FIXTURE_TOOL", arguments: Array("{}".utf8), for: user, requestID: "r",
                timeout: .seconds(30))
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        #expect(await task.value == .cancelled)
        #expect(try Self.cancelCount(path) == 1)
    }

    @Test func aSecondCompletionIsIgnoredAndLogged() async throws {
        let path = try CCompiler.fixture("twice", "FIXTURE_COMPLETES_TWICE")
        let (logger, logs) = CapturingLogHandler.logger()
        let instance = try TestProviders.instance(path, logger: logger)
        for _ in 0..<3 {
            let outcome = await instance.callTool(
                "FIXTURE_TOOL", arguments: Array("{}".utf8), for: user, requestID: "r", timeout: .seconds(5))
            #expect(TestProviders.text(of: outcome) == "done")
        }
        #expect(logs.all.filter { $0.contains("completed a call twice") }.count == 3)
    }

    @Test func aCompletionFromAnotherThreadBeforeTheCallReturns() async throws {
        let path = try CCompiler.fixture("thread", "FIXTURE_THREAD")
        let instance = try TestProviders.instance(path)
        try await withThrowingTaskGroup(of: ProviderOutcome.self) { group in
            for index in 0..<200 {
                group.addTask {
                    await instance.callTool(
                        "FIXTURE_TOOL", arguments: Array("{}".utf8), for: self.user,
                        requestID: "r\(index)", timeout: .seconds(10))
                }
            }
            for try await outcome in group { #expect(TestProviders.text(of: outcome) == "done") }
        }
    }

    @Test func theLoaderLoadsTheRestWhenOneFails() throws {
        let good = try CCompiler.example()
        let bad = try CCompiler.fixture("major3", "FIXTURE_MAJOR=3")
        let config = try TestConfig.load(
            TestConfig.providers([
                ("example", good, ""), ("broken", bad, ""), ("absent", "NoSuchProvider", ""),
            ]))
        let report = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: Logger(label: "test")).load()
        #expect(report.loaded.map(\.name) == ["example"])
        #expect(report.failures.map(\.provider) == ["broken", "absent"])
        guard case .libraryNotFound(_, "NoSuchProvider", let searched) = report.failures[1].error else {
            Issue.record("\(report.failures[1].error)")
            return
        }
        #expect(searched.first == TestPaths.buildDirectory + "/libNoSuchProvider.so")
    }

    /// Reads the fixture's cancel counter through its own exported function.
    static func cancelCount(_ path: String) throws -> Int32 {
        try fixtureCounter(path, "fixture_cancel_count")
    }

    /// A counter a loaded fixture exports.
    static func fixtureCounter(_ path: String, _ name: String) throws -> Int32 {
        let handle = try #require(dlopen(path, RTLD_NOW | RTLD_NOLOAD | RTLD_LOCAL))
        let symbol = try #require(dlsym(handle, name))
        typealias Counter = @convention(c) () -> Int32
        return unsafeBitCast(symbol, to: Counter.self)()
    }
}
