/// One tool as the search index reads it. Plain strings; the index splits identifiers into
/// words itself (`SLACK_SEND_MESSAGE` → `slack send message`, `unfurlLinks` → `unfurl links`).
public struct SearchDocument: Sendable, Equatable {
    /// The tool's name.
    public var name: String
    /// The tool's title, if any ("Slack: Send Message").
    public var title: String
    /// The integration key (`slack`, `googleCalendar`, `custom.acme`); `*` or `general` for tools
    /// that act on several.
    public var integration: String
    /// The integration's name as people read it ("Google Calendar").
    public var integrationName: String
    /// The tool's description.
    public var description: String
    /// The input schema's parameters: each name with its description.
    public var parameters: [Parameter]

    /// A parameter: its name and description (empty when it has none).
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var description: String

        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    public init(
        name: String, title: String = "", integration: String, integrationName: String, description: String = "",
        parameters: [Parameter] = []
    ) {
        self.name = name
        self.title = title
        self.integration = integration
        self.integrationName = integrationName
        self.description = description
        self.parameters = parameters
    }
}
