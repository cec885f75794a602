import PluginABI

/// Logging through the host table. ``log(_:_:call:)`` asks the host's level first (ABI 1.3
/// `log_level`), so a line the host would drop is never built: pass the message as it is, and
/// its interpolation runs only when the line is written.
extension ProviderHost {
    /// The lowest level the host writes for this provider: `host->log_level()`, asked anew each
    /// time (the header lets a host change it). Trace from a host older than ABI 1.3, which has
    /// no such function: every line is then sent and the host filters, as before 1.3.
    public var logLevel: LogLevel {
        guard has(\.log_level), let logLevel = table.pointee.log_level else { return .trace }
        return LogLevel(host: logLevel(table))
    }

    /// Whether the host writes lines of `level` (``logLevel`` or above); for work done only to
    /// log, such as a dump spread over several lines.
    public func logs(_ level: LogLevel) -> Bool { level >= logLevel }

    /// Writes to the host's log, tagged with the provider's name and, for a line about a call,
    /// with the call's request id (by a host of ABI 1.2 or newer). `message` is evaluated only
    /// when the host writes `level` (``logs(_:)``). Never log tokens or bodies.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, call: CallContext? = nil) {
        guard logs(level) else { return }
        var text = message()
        text.withUTF8 { utf8 in
            if let call, has(\.log_call), let logCall = table.pointee.log_call {
                let chars = UnsafeRawPointer(utf8.baseAddress)?.assumingMemoryBound(to: CChar.self)
                logCall(table, call.callID, level.rawValue, chars, utf8.count)
            } else {
                table.pointee.log(table, level.rawValue, utf8.baseAddress, utf8.count)
            }
        }
    }

    /// Whether the host's table holds `field`: PARAGON_MCP_HAS_FIELD, since a host of an older
    /// minor fills a shorter table and sets `struct_size` to its length.
    private func has<Field>(_ field: KeyPath<paragon_mcp_host, Field>) -> Bool {
        guard let offset = MemoryLayout<paragon_mcp_host>.offset(of: field) else { return false }
        return Int(table.pointee.struct_size) >= offset + MemoryLayout<Field>.size
    }
}
