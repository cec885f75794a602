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
        let integrations = Set(listing.map(\.integration)).subtracting([
            ToolFilter.anyIntegration, Tool.generalIntegration,
        ])
        switch self {
        case .searchTools:
            return Tool(
                name: rawValue, integration: ToolFilter.anyIntegration, title: "Search tools",
                description: """
                    Find the tools for a task among the \(listing.count) tools this server offers across \
                    \(integrations.count) integrations (LIST_INTEGRATIONS names them). Describe the task in plain \
                    words ("send a Slack message to #sales"); the answer lists the best matches with their input \
                    schemas and whether the user has connected their integration. Then run one with CALL_TOOL.
                    """,
                inputSchema: inputSchema,
                annotations: Self.hints(readOnly: true, destructive: false, idempotent: true, openWorld: false),
                providerName: Self.providerName)
        case .callTool:
            return Tool(
                name: rawValue, integration: ToolFilter.anyIntegration, title: "Call a tool",
                description: """
                    Run a tool found with SEARCH_TOOLS, by its name, with arguments that satisfy its input \
                    schema. Answers what the tool answers.
                    """,
                inputSchema: inputSchema,
                annotations: Self.hints(readOnly: false, destructive: true, idempotent: false, openWorld: true),
                providerName: Self.providerName)
        case .listIntegrations:
            return Tool(
                name: rawValue, integration: ToolFilter.anyIntegration, title: "List integrations",
                description: """
                    List the integrations this server has tools for: each one's key, name, how many tools it \
                    has, and whether the user has connected it.
                    """,
                inputSchema: inputSchema,
                annotations: Self.hints(readOnly: true, destructive: false, idempotent: true, openWorld: false),
                providerName: Self.providerName)
        }
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

    private static func hints(readOnly: Bool, destructive: Bool, idempotent: Bool, openWorld: Bool) -> JSONValue {
        [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent), "openWorldHint": .bool(openWorld),
        ]
    }
}
