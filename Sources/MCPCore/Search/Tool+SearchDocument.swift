import JSONCore
import ParagonModel
import ToolSearch

extension Tool {
    /// The tool as the search index reads it: its name, title, description, integration (key
    /// and name spelled out) and its input schema's top-level parameters with their descriptions.
    package var searchDocument: SearchDocument {
        let properties = inputSchema["properties"]?.objectValue ?? [:]
        let parameters = properties.keys.sorted().map { name in
            SearchDocument.Parameter(name: name, description: properties[name]?["description"]?.stringValue ?? "")
        }
        return SearchDocument(
            name: name, title: title ?? "", integration: integration,
            integrationName: actsOnAnyIntegration ? "" : IntegrationKey.spelledOut(integration),
            description: description ?? "", parameters: parameters)
    }

    /// The integration of tools that act on any (`CALL_API_REQUEST`'s, as the TypeScript server names it).
    package static let generalIntegration = "general"

    /// Whether the tool acts on integrations named in its arguments (integration `*` or
    /// `general`) rather than on one account of its own.
    package var actsOnAnyIntegration: Bool {
        integration == ToolFilter.anyIntegration || integration == Self.generalIntegration
    }
}
