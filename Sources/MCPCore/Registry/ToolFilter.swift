import Settings

/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS`, applied at the host to listing and calling
/// alike: a tool is kept when both lists are empty or name it (exact match). A tool of
/// integration `*` acts on integrations named in its arguments: its provider enforces
/// `LIMIT_TO_INTEGRATIONS` on them, and only `LIMIT_TO_TOOLS` can hide it.
package struct ToolFilter: Sendable {
    package let integrations: Set<String>
    package let tools: Set<String>

    package init(_ limits: ToolLimits) {
        self.integrations = Set(limits.integrations)
        self.tools = Set(limits.tools)
    }

    package func allows(_ tool: Tool) -> Bool {
        (tool.integration == Self.anyIntegration || allows(integration: tool.integration))
            && (tools.isEmpty || tools.contains(tool.name))
    }

    /// The integration of a tool that acts on several.
    package static let anyIntegration = "*"

    package func allows(integration: String) -> Bool {
        integrations.isEmpty || integrations.contains(integration)
    }
}
