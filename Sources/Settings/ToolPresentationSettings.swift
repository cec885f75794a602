/// How users' tool lists are presented (config.yaml `tools:`): every tool listed, or a few
/// meta-tools that search and call the rest, with per-tool overrides of what a tool says of
/// itself.
package struct ToolPresentationSettings: Sendable, Equatable {
    /// `direct`, `search` or `auto` (see ``ToolMode``).
    package var mode: ToolMode
    /// Tools listed directly beside the meta-tools in search mode (exact names).
    package var pinned: [String]
    /// The most tools a client takes, by a part of the name it gives in `initialize`
    /// (`clientInfo.name`, compared without case; the longest part found wins), with `default`
    /// for any other client. 0: the client handles lists of any length itself.
    package var clientLimits: [String: Int]
    /// Per tool: a title and annotation hints that replace what its provider says.
    package var overrides: [String: ToolOverride]

    package init(
        mode: ToolMode = .auto, pinned: [String] = [], clientLimits: [String: Int] = Self.shippedClientLimits,
        overrides: [String: ToolOverride] = [:]
    ) {
        self.mode = mode
        self.pinned = pinned
        self.clientLimits = clientLimits
        self.overrides = overrides
    }

    /// The key of ``clientLimits`` for clients that match no other.
    package static let defaultClient = "default"

    /// What ships, from the clients' documented caps (2026): Cursor hands the agent 40 tools,
    /// Windsurf stops at 50, VS Code (GitHub Copilot) and OpenAI's function calling take 128;
    /// Claude Code and Claude's apps defer large lists and search them themselves (0).
    package static let shippedClientLimits: [String: Int] = [
        "cursor": 40, "windsurf": 50, "visual studio code": 128, "vs code": 128, "openai": 128, "claude": 0,
        defaultClient: 100,
    ]
}

/// How `tools/list` presents a user's tools.
package enum ToolMode: String, Sendable, CaseIterable {
    /// Every tool the user may call is listed (the server's behaviour before search mode).
    case direct
    /// A few meta-tools (search, call, list integrations) and the pinned tools are listed.
    case search
    /// `search` when the user's list is longer than the client takes, else `direct`.
    case auto
}

/// What an operator says of one tool instead of its provider (`tools.overrides.<name>`).
package struct ToolOverride: Sendable, Equatable {
    /// Replaces the tool's title.
    package var title: String?
    /// Replace the annotation hints of these names (`readOnlyHint`, `destructiveHint`,
    /// `idempotentHint`, `openWorldHint`); the others stay.
    package var hints: [String: Bool]

    package init(title: String? = nil, hints: [String: Bool] = [:]) {
        self.title = title
        self.hints = hints
    }

    /// The MCP annotation hints an override may set (MCP 2025-03-26, ToolAnnotations).
    package static let hintNames = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]
}
