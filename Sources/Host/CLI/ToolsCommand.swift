import ArgumentParser
import Foundation

/// `paragon-mcp tools`: what the registry would serve to a user.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools",
        abstract: "List the tools the server would serve, after LIMIT_TO_INTEGRATIONS and LIMIT_TO_TOOLS.",
        discussion: "One line per tool: name, integration and provider. With --json, the tool objects.")

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "List for this user id (providers may list per user).")
    var user: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let config = try CLIConfig.load(options)
        let loader = ProviderLoader(config: config, logger: CLIConfig.quietLogger(config))
        let report = loader.load()
        for failure in report.failures { printError("error: \(failure.error)") }
        let registry = loader.registry(of: report)
        let identity = UserIdentity(userID: user ?? "", token: "")
        let tools: [Tool]
        do {
            tools = try await registry.tools(for: identity, requestID: "cli")
        } catch {
            printError("error: \(error)")
            await registry.shutdown()
            throw ExitCode.failure
        }
        if json {
            print(String(decoding: ToolListParser.encode(tools), as: UTF8.self))
        } else {
            for tool in tools { print("\(tool.name)\t\(tool.integration)\t\(tool.providerName)") }
        }
        await registry.shutdown()
        if !report.failures.isEmpty { throw ExitCode.failure }
    }
}
