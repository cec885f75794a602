import MCP

/// The handshake-era protocol versions this server negotiates: the MCP Swift SDK's list, up to
/// 2025-11-25 (the stateless era began with 2026-07-28, which ``ProtocolEra`` serves; should the
/// SDK learn it, it stays out of `initialize`).
package enum ProtocolVersion {
    package static let supported: Set<String> = MCP.Version.supported.filter { $0 < "2026-07-28" }
    package static let latest: String = supported.max() ?? "2025-11-25"
    /// Assumed when a client sends no MCP-Protocol-Version header (per the 2025-06-18 spec).
    package static let assumedWhenAbsent = "2025-03-26"

    /// The client's version when supported, else the newest.
    package static func negotiate(_ requested: String) -> String {
        supported.contains(requested) ? requested : latest
    }

    /// True when `version` is at least `minimum` (versions are dates and compare as strings).
    package static func atLeast(_ version: String, _ minimum: String) -> Bool { version >= minimum }
}
