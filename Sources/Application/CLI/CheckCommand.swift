import ArgumentParser
import Auth
import Settings
import Foundation
import Logging
import MCPCore
import PluginRuntime

/// `paragon-mcp check`: validates the configuration and loads every enabled provider.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and load every enabled provider.",
        discussion: """
            Prints each provider's name, version, plugin ABI version and tool count (as listed \
            for no particular user). Exits with a non-zero status on any problem, naming its \
            file, line and key, or the provider library's path.
            """)

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let config = try CLIConfig.load(options)
        let errors = ErrorCountingLogHandler.Counter()
        var logger = Logger(label: "paragon-mcp") { label in
            ErrorCountingLogHandler(wrapped: StreamLogHandler.standardError(label: label), counter: errors)
        }
        logger.logLevel = .warning
        let identity = await Self.projectIdentity(config)
        let runtime = ProviderRuntime()
        let loader = ProviderLoader(config: config, runtime: runtime, logger: logger)
        let report = loader.load()
        var problems = report.failures.map { "\($0.error)" }
        print("config: \(config.file ?? "(none, defaults and environment)")")
        print("mode: \(config.server.mode.rawValue)")
        if config.paragon.projectID.isEmpty {
            print(
                "paragon: no project configured"
                    + (config.server.mode == .development ? " (serve and stdio run on the sandbox)" : ""))
        } else {
            print("paragon: project \(config.paragon.projectID)")
        }
        let registry = loader.registry(of: report)
        var lists: [(String, [Tool])] = []
        for provider in report.loaded {
            let library = provider.library
            let outcome = await provider.listTools(for: identity, requestID: "check", timeout: registry.callTimeout)
            var count = "?"
            if case .result(let bytes) = outcome,
                let (tools, dropped) = try? ToolListParser.parse(bytes, provider: provider.name)
            {
                problems += dropped.map { "provider \(provider.name): \($0)" }
                count = "\(tools.count)"
                lists.append((provider.name, tools))
            } else {
                problems.append("provider \(provider.name): listing tools failed: \(outcome.summary)")
            }
            print(
                "provider \(provider.name): \(library.name) \(library.version), ABI \(library.abiMajor).\(library.abiMinor), "
                    + "\(count) tools, \(library.path)")
        }
        for settings in config.providers where !settings.enabled {
            print("provider \(settings.name): disabled")
        }
        for duplicate in ToolCatalog(lists: lists).duplicates {
            problems.append("\(RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers))")
        }
        await registry.shutdown()
        await runtime.shutdown()
        if errors.count > 0 { problems.append("providers reported \(errors.count) problem(s), logged above") }
        if problems.isEmpty {
            print("ok")
        } else {
            for problem in problems { printError("error: \(problem)") }
            throw ExitCode.failure
        }
    }

    /// For listing with no user: with a Paragon project and its key, a token whose subject is the
    /// project (as the TypeScript server calls Zeus), so providers can ask Paragon what the
    /// project has; otherwise no token.
    static func projectIdentity(_ config: HostConfig) async -> UserIdentity {
        guard !config.paragon.projectID.isEmpty, config.paragon.signingKeyPEM != nil,
            let key = try? SigningKeys.load(config),
            let token = try? await TokenSigner(signingKey: key).userToken(
                for: config.paragon.projectID, lifetime: 300)
        else { return .nobody }
        return UserIdentity(userID: "", token: token)
    }
}
