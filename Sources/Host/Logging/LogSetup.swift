import Foundation
import Logging
import Synchronization

/// swift-log to standard error (stdout is MCP's in stdio mode), at the configured level, as
/// readable text or as JSON lines.
enum LogSetup {
    private static let done = Mutex(false)

    /// `logger` as handed to a library (ServiceLifecycle, Hummingbird): at the configured level
    /// when one was asked for, else never below `info`, so that a default development run does
    /// not open with the libraries' internals.
    static func forLibraries(_ logger: Logger, _ settings: LogSettings) -> Logger {
        guard !settings.levelIsExplicit, logger.logLevel < .info else { return logger }
        var quieter = logger
        quieter.logLevel = .info
        return quieter
    }

    static func bootstrap(_ settings: LogSettings) {
        guard
            done.withLock({ state in
                defer { state = true }; return !state
            })
        else { return }
        let level = Logger.Level(rawValue: settings.level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch settings.format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler(label: label)
                }
            handler.logLevel = level
            return handler
        }
    }
}
