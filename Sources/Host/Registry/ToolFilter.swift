/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS`, applied at the host to listing and calling
/// alike: a tool is kept when both lists are empty or name it (exact match). A tool of
/// integration `*` acts on integrations named in its arguments: its provider enforces
/// `LIMIT_TO_INTEGRATIONS` on them, and only `LIMIT_TO_TOOLS` can hide it.
public struct ToolFilter: Sendable {
    public let integrations: Set<String>
    public let tools: Set<String>

    public init(_ limits: ToolLimits) {
        self.integrations = Set(limits.integrations)
        self.tools = Set(limits.tools)
    }

    public func allows(_ tool: Tool) -> Bool {
        (tool.integration == Self.anyIntegration || allows(integration: tool.integration))
            && (tools.isEmpty || tools.contains(tool.name))
    }

    /// The integration of a tool that acts on several.
    public static let anyIntegration = "*"

    public func allows(integration: String) -> Bool {
        integrations.isEmpty || integrations.contains(integration)
    }
}
