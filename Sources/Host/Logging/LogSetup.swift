import Foundation
import Logging
import Synchronization

/// swift-log to standard error (stdout is MCP's in stdio mode), at the configured level, as
/// readable text or as JSON lines.
enum LogSetup {
    private static let done = Mutex(false)

    static func bootstrap(_ settings: LogSettings) {
        guard
            done.withLock({ state in
                defer { state = true }; return !state
            })
        else { return }
        let level = Logger.Level(rawValue: settings.level) ?? .info
        switch settings.format {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
