import ArgumentParser
import Auth
import Foundation
import Logging
import MCPCore
import Observability
import PluginRuntime
import Settings

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
        var logger = Logger(label: "paragon-mcp") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        let identity = await Self.projectIdentity(config)
        // Every problem found is a diagnostic: load failures, the providers' own reports (a spec
        // file skipped), tools dropped from a list, clashes. An error among them fails `check`.
        let diagnostics = Diagnostics()
        let runtime = ProviderRuntime(diagnostics: diagnostics)
        let loader = ProviderLoader(config: config, runtime: runtime, logger: logger)
        let report = loader.load()
        diagnostics.report(report.failures.map(\.error.diagnostic))
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
                diagnostics.report(
                    dropped.map { Diagnostic(.error, at: .provider(provider.name), "provider \(provider.name): \($0)") }
                )
                count = "\(tools.count)"
                lists.append((provider.name, tools))
            } else {
                diagnostics.report(
                    Diagnostic(
                        .error, at: .provider(provider.name),
                        "provider \(provider.name): listing tools failed: \(outcome.summary)"))
            }
            print(
                "provider \(provider.name): \(library.name) \(library.version), ABI \(library.abiMajor).\(library.abiMinor), "
                    + "\(count) tools, \(library.path)")
        }
        for settings in config.providers where !settings.enabled {
            print("provider \(settings.name): disabled")
        }
        for duplicate in ToolCatalog(lists: lists).duplicates {
            let error = RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers)
            diagnostics.report(Diagnostic(.error, at: .none, "\(error)"))
        }
        await registry.shutdown()
        await runtime.shutdown()
        try Self.conclude(diagnostics.all)
    }

    /// Prints the errors among `diagnostics` (the providers' warnings were logged as they came)
    /// and fails when there is one; else prints `ok`.
    static func conclude(_ diagnostics: [Diagnostic]) throws {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else {
            print("ok")
            return
        }
        for error in errors {
            // A provider's own report was logged when it came; say it again among the errors.
            printError("error: \(error)")
        }
        throw ExitCode.failure
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
