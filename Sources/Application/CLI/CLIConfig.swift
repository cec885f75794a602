import ArgumentParser
import Foundation
import Logging
import Settings

/// Configuration loading and output helpers shared by the subcommands.
enum CLIConfig {
    /// Loads the configuration or prints every problem and exits with status 1.
    static func load(_ options: CommonOptions) throws -> HostConfig {
        do {
            return try ConfigLoader.forProcess(configPath: options.config).load()
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// A stderr logger for commands that print results on stdout: warnings and worse.
    static func quietLogger(_ config: HostConfig) -> Logger {
        var logger = Logger(label: "paragon-mcp") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
