import Logging
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime

@Suite struct RegistryTests {
    let user = UserIdentity(userID: "u", token: "t")

    /// Two providers: `alpha` (tool ALPHA_TOOL of integration alpha) and `beta` (BETA_TOOL, beta).
    func registry(limits: String = "", environment: [String: String] = [:]) throws -> ToolRegistry {
        let alpha = try CCompiler.fixture(
            "alpha", "FIXTURE_TOOL_NAME=\"ALPHA_TOOL\"", "FIXTURE_INTEGRATION=\"alpha\"")
        let beta = try CCompiler.fixture(
            "beta", "FIXTURE_TOOL_NAME=\"BETA_TOOL\"", "FIXTURE_INTEGRATION=\"beta\"")
        let config = try TestConfig.load(
            limits + "\n" + TestConfig.providers([("alpha", alpha, ""), ("beta", beta, "")]),
            environment: environment)
        let loader = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: Logger(label: "test"))
        let report = loader.load()
        #expect(report.failures.isEmpty)
        return loader.registry(of: report)
    }

    @Test func mergesEveryProvidersTools() async throws {
        let tools = try await registry().tools(for: user, requestID: "r")
        #expect(tools.map(\.name) == ["ALPHA_TOOL", "BETA_TOOL"])
        #expect(tools.map(\.providerName) == ["alpha", "beta"])
    }

    @Test func limitToIntegrationsFiltersListingAndCalling() async throws {
        let registry = try registry(limits: "limits: {integrations: [beta]}")
        #expect(try await registry.tools(for: user, requestID: "r").map(\.name) == ["BETA_TOOL"])
        guard
            case .unknownTool("ALPHA_TOOL") = await registry.call(
                "ALPHA_TOOL", arguments: [:], for: user,
                requestID: "r")
        else {
            Issue.record("a filtered-out tool must not be callable")
            return
        }
        guard
            case .outcome(let tool, .result, _) = await registry.call(
                "BETA_TOOL", arguments: [:], for: user,
                requestID: "r")
        else {
            Issue.record("an allowed tool must be callable")
            return
        }
        #expect(tool.providerName == "beta")
    }

    @Test func limitToToolsFromTheEnvironmentFiltersToo() async throws {
        let registry = try registry(environment: ["LIMIT_TO_TOOLS": "ALPHA_TOOL"])
        #expect(try await registry.tools(for: user, requestID: "r").map(\.name) == ["ALPHA_TOOL"])
        guard case .unknownTool = await registry.call("BETA_TOOL", arguments: [:], for: user, requestID: "r") else {
            Issue.record("a filtered-out tool must not be callable")
            return
        }
    }

    @Test func bothLimitsMustAllowATool() async throws {
        let registry = try registry(limits: "limits: {integrations: [alpha], tools: [BETA_TOOL]}")
        #expect(try await registry.tools(for: user, requestID: "r").isEmpty)
    }

    @Test func duplicateNamesAreReportedWithBothProviders() async throws {
        let one = try CCompiler.fixture("dup_one", "FIXTURE_TOOL_NAME=\"SAME\"")
        let two = try CCompiler.fixture("dup_two", "FIXTURE_TOOL_NAME=\"SAME\"")
        let config = try TestConfig.load(TestConfig.providers([("one", one, ""), ("two", two, "")]))
        let loader = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: Logger(label: "test"))
        let catalog = await loader.registry(of: loader.load()).catalog(for: user, requestID: "r")
        #expect(catalog.duplicates.count == 1)
        #expect(catalog.duplicates.first?.name == "SAME")
        #expect(catalog.duplicates.first?.providers == ["one", "two"])
        #expect(catalog.tool(named: "SAME")?.providerName == "one")
    }

    @Test func unknownToolsAreUnknown() async throws {
        guard
            case .unknownTool("NOPE") = try await registry().call(
                "NOPE", arguments: [:], for: user,
                requestID: "r")
        else {
            Issue.record("expected unknownTool")
            return
        }
    }
}
