/// Levels of ``ProviderHost/log(_:_:call:)``: `enum paragon_mcp_log_level` of
/// paragon_mcp_plugin.h, swift-log's scale, lowest first.
public enum LogLevel: Int32, Sendable, Comparable {
    case trace = 0, debug, info, notice, warning, error, critical

    /// The level the host answered (`host->log_level()`); a value off the scale is clamped to
    /// its nearer end (trace or critical) rather than trapping in the provider.
    init(host value: Int32) {
        self = LogLevel(rawValue: min(max(value, LogLevel.trace.rawValue), LogLevel.critical.rawValue))!
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
