import Foundation
import PluginABI
import Testing

/// The `paragon-mcp` executable, run as a user runs it.
@Suite struct CLITests {
    func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws
        -> Subprocess.Result
    {
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        env.merge(environment) { _, new in new }
        return try Subprocess.run(
            TestPaths.executable, arguments, environment: env,
            directory: directory ?? TestPaths.scratch("cli"))
    }

    func writeConfig(_ yaml: String) throws -> String {
        let file = TestPaths.scratch("cli") + "/config.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkPrintsEachProviderAndSucceeds() throws {
        let example = try CCompiler.example()
        let file = try writeConfig(
            """
            providers:
              example:
                library: \(example)
            """)
        let result = try run(["check", "--config", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("provider actionkit: actionkit 0.1.0, ABI \(TestPaths.abi), 0 tools"))
        #expect(result.stdout.contains("provider example: example 1.0.0, ABI \(TestPaths.abi), 2 tools, \(example)"))
        #expect(result.stdout.contains("provider proxy: disabled"))
        #expect(result.stdout.hasSuffix("ok\n"))
    }

    @Test func checkFailsOnAnIncompatibleProviderNamingPathAndVersions() throws {
        let bad = try CCompiler.fixture("cli_major", "FIXTURE_MAJOR=2")
        let file = try writeConfig("providers:\n  bad:\n    library: \(bad)\n")
        let result = try run(["check", "--config", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains(bad))
        #expect(
            result.stderr.contains("ABI 2.\(PARAGON_MCP_ABI_MINOR)") && result.stderr.contains("ABI \(TestPaths.abi)"))
        #expect(result.stdout.contains("provider actionkit: actionkit"))
    }

    @Test func checkFailsOnABrokenConfigWithItsPlace() throws {
        let file = try writeConfig("server:\n  prot: 3001\n")
        let result = try run(["check", "--config", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):2:3: server.prot: unknown key (did you mean 'port'?)"))
    }

    @Test func checkFailsOnDuplicateToolNames() throws {
        let one = try CCompiler.fixture("cli_dup1", "FIXTURE_TOOL_NAME=\"TWIN\"")
        let two = try CCompiler.fixture("cli_dup2", "FIXTURE_TOOL_NAME=\"TWIN\"")
        let file = try writeConfig("providers:\n  one: {library: \(one)}\n  two: {library: \(two)}\n")
        let result = try run(["check", "--config", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tool TWIN is offered by more than one provider: one and two"))
    }

    @Test func checkReadsDotEnvFromTheWorkingDirectory() throws {
        let directory = TestPaths.scratch("cli-dotenv")
        try "ENABLE_PROXY_API_TOOL=true\n".write(toFile: directory + "/.env", atomically: true, encoding: .utf8)
        let result = try run(["check"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("provider proxy: proxy 0.1.0, ABI \(TestPaths.abi), 1 tools"))
        #expect(result.stdout.contains("provider openapi: disabled"))
    }

    @Test func toolsListsWhatTheRegistryServesAfterLimits() throws {
        let example = try CCompiler.example()
        let file = try writeConfig("providers:\n  actionkit: {enabled: false}\n  example: {library: \(example)}\n")
        let all = try run(["tools", "--config", file, "--user", "someone"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout == "EXAMPLE_ECHO\texample\texample\nEXAMPLE_HTTP_GET\texample\texample\n")
        let limited = try run(["tools", "--config", file], environment: ["LIMIT_TO_TOOLS": "EXAMPLE_ECHO"])
        #expect(limited.stdout == "EXAMPLE_ECHO\texample\texample\n")
        let json = try run(["tools", "--config", file, "--json"], environment: ["LIMIT_TO_INTEGRATIONS": "other"])
        #expect(json.stdout == "[]\n")
    }

    @Test func toolsListsAsTheUserWithATokenSignedForThem() throws {
        // No configuration: the sandbox answers, and the user's token is signed with its key.
        let directory = TestPaths.scratch("cli-tools-sandbox")
        let alice = try run(["tools", "--user", "alice"], in: directory)
        #expect(alice.status == 0, "\(alice.stderr)")
        #expect(alice.stdout.contains("SLACK_SEND_MESSAGE\tslack\tactionkit\n"))
        #expect(alice.stdout.contains("GOOGLE_CALENDAR_CREATE_EVENT\tgoogleCalendar\tactionkit\n"))
        // A project without a key to sign with is refused, naming what is missing.
        let keyless = try run(
            ["tools", "--user", "alice"], environment: ["PROJECT_ID": "p", "NODE_ENV": "development"], in: directory)
        #expect(keyless.status == 1)
        #expect(keyless.stderr.contains("no signing key: set SIGNING_KEY"), "\(keyless.stderr)")
        #expect(keyless.stdout.isEmpty)
    }

    @Test func helpSaysWhatEachCommandDoes() throws {
        let check = try run(["check", "--help"])
        #expect(check.stdout.contains("Validate the configuration and load every enabled provider"))
        let tools = try run(["tools", "--help"])
        #expect(tools.stdout.contains("--user"))
    }
}
