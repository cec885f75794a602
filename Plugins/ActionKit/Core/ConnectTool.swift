import ParagonAPI
import ProviderKit

/// `CONNECT_INTEGRATION`, listed with the `only_connected` setting: the tool list then holds
/// only the actions of integrations the user has connected (ActionKit's
/// `limit_to_available=true`), and this one tool offers a setup link for any other integration
/// of the project (Zeus's list, within `LIMIT_TO_INTEGRATIONS`). A call answers "needs
/// connection" for the integration it names, which the host turns into the setup link (a URL
/// elicitation, or text with the link), as for any action of an unconnected integration.
///
/// Its integration is `*` (``HostLimits``, the host's `ToolFilter`): it acts on the integration
/// its arguments name, so `LIMIT_TO_INTEGRATIONS` narrows its enum and its calls, and only
/// `LIMIT_TO_TOOLS` can hide it.
enum ConnectTool {
    static let name = "CONNECT_INTEGRATION"
    static let title = "Connect an integration"
    /// It changes nothing (the user connects on the setup page), and the page is Paragon's.
    static let hints = ActionHints(readOnly: true, destructive: false, idempotent: true, openWorld: true)

    static let description = """
        Gives the user a link to connect one of the project's integrations that they have not \
        connected yet. Their tools are not listed until the user connects it; call this when the \
        task needs one of them, then show the user the link. Once the user has connected it, its \
        tools are listed.
        """

    /// The project's integrations the user has not connected, within `limits`, sorted: those of
    /// `project` not among `connected` (the integrations of the user's available actions).
    static func unconnected(project: [ParagonIntegration], connected: Set<String>, limits: HostLimits) -> [String] {
        Set(project.map(\.name)).filter { !connected.contains($0) && limits.allows(integration: $0) }.sorted()
    }

    /// The tool offering `integrations`; nil when there is none left to connect.
    static func descriptor(offering integrations: [String]) -> ToolDescriptor? {
        guard !integrations.isEmpty else { return nil }
        let integration: JSONValue = [
            "type": "string", "enum": .array(integrations.map { .string($0) }),
            "description": "The integration to connect, by its key (`googleCalendar`, `custom.spotify`).",
        ]
        return ToolDescriptor(
            name: name, integration: "*", title: title, description: description,
            inputSchema: [
                "type": "object", "properties": ["integration": integration], "required": ["integration"],
                "additionalProperties": false,
            ],
            annotations: hints.annotations)
    }

    /// The integration a call names, within `limits` (the host checked the arguments against the
    /// listed schema; a list made before a reload may be older than the limits).
    static func integration(in arguments: JSONValue, limits: HostLimits) throws(ProviderError) -> String {
        guard let integration = arguments["integration"]?.stringValue, !integration.isEmpty else {
            throw .toolError("integration is required")
        }
        guard limits.allows(integration: integration) else {
            throw .toolError("integration \(integration) is not one this server offers (LIMIT_TO_INTEGRATIONS)")
        }
        return integration
    }
}
