import Settings

/// How a caller's tool list is shown: every tool, or the search meta-tools (``MetaTool``) with
/// the pinned tools. Decided per request from the configured mode, the mode the client's URL
/// asks for (`/mcp?tools=search`), and, in `auto`, the length of the user's list against what
/// the client takes.
package struct ToolPresentation: Sendable {
    /// A decided presentation.
    package enum Listing: Sendable, Hashable {
        /// Every tool.
        case direct
        /// The meta-tools and the pinned tools.
        case search
    }

    /// What the operator configured (`tools:`).
    package let settings: ToolPresentationSettings
    /// ``ToolPresentationSettings/clientLimits`` without `default`, longest name part first.
    private let limits: [(part: String, limit: Int)]
    private let defaultLimit: Int

    package init(_ settings: ToolPresentationSettings = ToolPresentationSettings()) {
        self.settings = settings
        var limits = settings.clientLimits
        defaultLimit = limits.removeValue(forKey: ToolPresentationSettings.defaultClient) ?? 100
        self.limits = limits.map { (part: $0.key.lowercased(), limit: $0.value) }
            .sorted { ($0.part.count, $0.part) > ($1.part.count, $1.part) }
    }

    /// The most tools the client named `clientName` (its `clientInfo.name`) takes: the limit of
    /// the longest configured part of the name, else the default; 0 for no limit.
    package func limit(forClient clientName: String) -> Int {
        let name = clientName.lowercased()
        return limits.first { !$0.part.isEmpty && name.contains($0.part) }?.limit ?? defaultLimit
    }

    /// Whether a list of `count` tools is likely to be searched: always in `search`, never in
    /// `direct` (but for a URL asking), and in `auto` when it is longer than some client takes.
    package func mightSearch(count: Int) -> Bool {
        switch settings.mode {
        case .direct: return false
        case .search: return true
        case .auto:
            let smallest = (limits.map(\.limit) + [defaultLimit]).filter { $0 > 0 }.min() ?? 0
            return smallest > 0 && count > smallest
        }
    }

    /// How `caller`'s list of `count` tools is shown.
    ///
    /// In `auto`, a handshake-era caller gets search when its list is longer than its client
    /// takes (``limit(forClient:)``). A 2026-07-28 request names no client the list may depend
    /// on (MCP 2026-07-28: a list varies only by the credentials presented), so there `auto`
    /// compares the list with the default limit: the list's length is the user's.
    package func listing(for caller: Caller, count: Int) -> Listing {
        switch caller.toolMode ?? settings.mode {
        case .direct: return .direct
        case .search: return .search
        case .auto:
            let limit = caller.era == .handshake ? limit(forClient: caller.clientName) : defaultLimit
            return limit > 0 && count > limit ? .search : .direct
        }
    }
}
