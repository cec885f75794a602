import JSONCore
import Settings

extension Tool {
    /// The tool with an operator's override applied (`tools.overrides.<name>`): its title
    /// replaced, and the annotation hints it names set (MCP 2025-03-26, ToolAnnotations); the
    /// provider's other annotations stay.
    package func overridden(_ override: ToolOverride) -> Tool {
        var tool = self
        if let title = override.title { tool.title = title }
        if !override.hints.isEmpty {
            var annotations = annotations?.objectValue ?? [:]
            for (hint, value) in override.hints { annotations[hint] = .bool(value) }
            tool.annotations = .object(annotations)
        }
        return tool
    }
}
