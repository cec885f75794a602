/// The two eras of MCP this server speaks (MCP 2026-07-28, Versioning): the handshake era
/// (2024-11-05 through 2025-11-25: `initialize`, sessions) and the stateless era (2026-07-28:
/// every request stands alone and carries its version in `params._meta`).
package enum ProtocolEra: Sendable, Equatable {
    /// 2024-11-05 … 2025-11-25: `initialize`, then a session.
    case handshake
    /// 2026-07-28: single exchanges, each carrying its own envelope.
    case stateless

    /// The stateless-era versions served, newest first.
    package static let statelessVersions = ["2026-07-28"]

    /// Every version served, both eras, newest first (`server/discover`'s `supportedVersions`,
    /// -32022's `data.supported`).
    package static let allVersions = statelessVersions + ProtocolVersion.supported.sorted(by: >)

    /// The era of an HTTP request by its `MCP-Protocol-Version` header: none, or a
    /// handshake-era version, is the session path; any other value is the stateless path,
    /// which answers a version it does not serve with -32022.
    package static func of(header version: String?) -> ProtocolEra {
        guard let version, !ProtocolVersion.supported.contains(version) else { return .handshake }
        return .stateless
    }
}
