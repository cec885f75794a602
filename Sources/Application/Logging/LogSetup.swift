import Foundation
import Logging
import Settings
import Synchronization

/// swift-log to standard error (stdout is MCP's in stdio mode), at the configured level, as
/// readable text or as JSON lines.
enum LogSetup {
    /// Whether swift-log's `LoggingSystem` (the library's documented process-wide singleton,
    /// which may be bootstrapped once) has been: a second server in the process keeps the first's.
    private static let done = Mutex(false)

    /// `logger` as handed to a library (ServiceLifecycle, Hummingbird): at the configured level
    /// when one was asked for, else at `notice` (their warnings and errors, not their internals or
    /// their "server started", which the host says itself), so that a default run opens with the
    /// banner.
    static func forLibraries(_ logger: Logger, _ settings: LogSettings) -> Logger {
        guard !settings.levelIsExplicit, logger.logLevel < .notice else { return logger }
        var quieter = logger
        quieter.logLevel = .notice
        return quieter
    }

    static func bootstrap(_ settings: LogSettings) {
        guard
            done.withLock({ state in
                defer { state = true }; return !state
            })
        else { return }
        let level = Logger.Level(rawValue: settings.level) ?? .info
        let output = StandardErrorOutput()
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch settings.format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler(label: label, output: output)
                }
            handler.logLevel = level
            return handler
        }
    }
}
