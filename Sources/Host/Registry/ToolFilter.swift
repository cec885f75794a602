/// `LIMIT_TO_INTEGRATIONS` and `LIMIT_TO_TOOLS`, applied at the host to listing and calling
/// alike: a tool is kept when both lists are empty or name it (exact match).
public struct ToolFilter: Sendable {
    public let integrations: Set<String>
    public let tools: Set<String>

    public init(_ limits: ToolLimits) {
        self.integrations = Set(limits.integrations)
        self.tools = Set(limits.tools)
    }

    public func allows(_ tool: Tool) -> Bool {
        allows(integration: tool.integration) && (tools.isEmpty || tools.contains(tool.name))
    }

    public func allows(integration: String) -> Bool {
        integrations.isEmpty || integrations.contains(integration)
    }
}
