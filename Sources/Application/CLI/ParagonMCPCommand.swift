import ArgumentParser
import MCPCore

/// `paragon-mcp`: the command line.
package struct ParagonMCPCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "paragon-mcp",
        abstract: "An MCP server that gives AI agents tools acting on users' SaaS accounts through Paragon.",
        version: HostVersion.current,
        subcommands: [ServeCommand.self, StdioCommand.self, SandboxCommand.self, CheckCommand.self, ToolsCommand.self],
        defaultSubcommand: ServeCommand.self)

    package init() {}
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (default: ./config.yaml when it exists, or $PARAGON_MCP_CONFIG).")
    var config: String?
}

extension ParagonMCPCommand {
    /// Parses the process arguments and runs the chosen subcommand, asynchronously.
    package static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
