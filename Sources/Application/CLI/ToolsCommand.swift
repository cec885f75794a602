import ArgumentParser
import Auth
import Foundation
import MCPCore
import PluginRuntime

/// `paragon-mcp tools`: what the registry would serve to a user.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools",
        abstract: "List the tools the server would serve, after LIMIT_TO_INTEGRATIONS and LIMIT_TO_TOOLS.",
        discussion: """
            One line per tool: name, integration and provider. With --json, the tool objects. With \
            --user, providers list as that user would see it: the server signs a user token for \
            them with the signing key (on the sandbox, with the sandbox's), and fails when it has \
            no key to sign with.
            """)

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "List for this user id (providers list per user).")
    var user: String?

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Flag(name: .long, help: "List on the offline Paragon sandbox even when a Paragon project is configured.")
    var sandbox = false

    func run() async throws {
        var config = try CLIConfig.load(options)
        let logger = CLIConfig.quietLogger(config)
        let identity: UserIdentity
        var embedded: EmbeddedSandbox?
        if let user {
            do {
                let (key, sandbox) = try await ServerBootstrap.paragon(
                    for: &config, forceSandbox: sandbox, logger: logger)
                embedded = sandbox
                let token = try await TokenSigner(signingKey: key).userToken(for: user, lifetime: 300)
                identity = UserIdentity(userID: user, token: token)
            } catch {
                printError("error: cannot list the tools of user \(user): \(error)")
                throw ExitCode.failure
            }
        } else {
            identity = await CheckCommand.projectIdentity(config)
        }
        defer { embedded?.stop() }
        let runtime = ProviderRuntime()
        let loader = ProviderLoader(config: config, runtime: runtime, logger: logger)
        let report = loader.load()
        for failure in report.failures { printError("error: \(failure.error)") }
        let registry = loader.registry(of: report)
        let snapshot: ToolSnapshot
        do {
            snapshot = try await registry.snapshot(for: identity, requestID: "cli")
        } catch {
            printError("error: \(error)")
            await registry.shutdown()
            await runtime.shutdown()
            throw ExitCode.failure
        }
        if json {
            print(String(decoding: ToolListParser.encode(snapshot.tools), as: UTF8.self))
        } else {
            for tool in snapshot.tools { print("\(tool.name)\t\(tool.integration)\t\(tool.providerName)") }
        }
        for provider in snapshot.unavailable { printError("error: provider \(provider) could not list its tools") }
        if user == nil, snapshot.tools.isEmpty {
            printError("note: providers may list per user (ActionKit does); pass --user ID to list as a user")
        }
        await registry.shutdown()
        await runtime.shutdown()
        if !report.failures.isEmpty || !snapshot.unavailable.isEmpty { throw ExitCode.failure }
    }
}
