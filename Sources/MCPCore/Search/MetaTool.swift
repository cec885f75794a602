import JSONCore
import JSONSchema

/// The tools search mode lists in place of the catalog: one to search it, one to call what was
/// found, one to list the integrations. They are the host's own: no provider runs them, and
/// `LIMIT_TO_*` never hides them (they only reach tools the limits allow).
package enum MetaTool: String, CaseIterable, Sendable {
    case searchTools = "SEARCH_TOOLS"
    case callTool = "CALL_TOOL"
    case listIntegrations = "LIST_INTEGRATIONS"

    /// Results a search answers when the caller names no limit.
    package static let defaultResults = 5
    /// Results a search answers at most.
    package static let maxResults = 20
    /// The longest query read, in characters.
    package static let maxQueryLength = 1_000

    /// The key the host's tools are listed under as their provider.
    package static let providerName = "(host)"

    /// The tool as search mode lists it for a user whose list is `listing`.
    package func tool(listing: [Tool]) -> Tool {
        Tool(
            name: rawValue, integration: ToolFilter.anyIntegration, title: title, description: description(listing),
            inputSchema: inputSchema, annotations: annotations, providerName: Self.providerName)
    }

    private var title: String {
        switch self {
        case .searchTools: "Search tools"
        case .callTool: "Call a tool"
        case .listIntegrations: "List integrations"
        }
    }

    private func description(_ listing: [Tool]) -> String {
        switch self {
        case .searchTools:
            let integrations = Set(listing.filter { !$0.actsOnAnyIntegration }.map(\.integration))
            return """
                Find the tools for a task among the \(listing.count) tools this server offers across \
                \(integrations.count) integrations (LIST_INTEGRATIONS names them). Describe the task in plain \
                words ("send a Slack message to #sales"); the answer lists the best matches with their input \
                schemas and whether the user has connected their integration. Then run one with CALL_TOOL.
                """
        case .callTool:
            return """
                Run a tool found with SEARCH_TOOLS, by its name, with arguments that satisfy its input \
                schema. Answers what the tool answers.
                """
        case .listIntegrations:
            return """
                List the integrations this server has tools for: each one's key, name, how many tools it \
                has, and whether the user has connected it.
                """
        }
    }

    /// MCP's hints (2025-03-26): searching and listing read the server's own list; a call may do
    /// anything the tool it runs does.
    private var annotations: JSONValue {
        let (readOnly, destructive, idempotent, openWorld) =
            self == .callTool ? (false, true, false, true) : (true, false, true, false)
        return [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent), "openWorldHint": .bool(openWorld),
        ]
    }

    /// The tool's input schema.
    package var inputSchema: JSONValue {
        switch self {
        case .searchTools:
            [
                "type": "object", "additionalProperties": false, "required": ["query"],
                "properties": [
                    "query": [
                        "type": "string", "minLength": 1, "maxLength": .integer(Self.maxQueryLength),
                        "description": "The task, in plain words.",
                    ],
                    "integration": [
                        "type": "string",
                        "description":
                            "Only tools of this integration (its key or name, as LIST_INTEGRATIONS gives them).",
                    ],
                    "limit": [
                        "type": "integer", "minimum": 1, "maximum": .integer(Self.maxResults),
                        "default": .integer(Self.defaultResults), "description": "How many tools to answer.",
                    ],
                ],
            ]
        case .callTool:
            [
                "type": "object", "additionalProperties": false, "required": ["name"],
                "properties": [
                    "name": ["type": "string", "minLength": 1, "description": "The tool's name."],
                    "arguments": ["type": "object", "description": "The tool's arguments."],
                ],
            ]
        case .listIntegrations:
            ["type": "object", "properties": [:], "additionalProperties": false]
        }
    }

    /// Each meta-tool's compiled input schema: its arguments are checked as any tool's are.
    package static let validators: [MetaTool: JSONSchemaValidator] = Dictionary(
        uniqueKeysWithValues: allCases.compactMap { meta in
            (try? JSONSchemaValidator(schema: meta.inputSchema)).map { (meta, $0) }
        })
}
