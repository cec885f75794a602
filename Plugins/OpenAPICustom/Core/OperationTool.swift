import ProviderKit

/// One operation of a spec, as a tool: what to list and how to call it.
struct OperationTool: Sendable {
    /// A parameter the call may fill, with where it goes.
    struct Parameter: Sendable {
        enum Location: String, Sendable { case path, query, header }
        var name: String
        var location: Location
    }

    var name: String
    /// The spec file's integration (`googleCalendar`, `custom.spotify`): the Proxy API path segment.
    var integration: String
    var method: String
    var path: String
    /// The spec's first server URL; nil lets Paragon resolve the path against the integration's API base.
    var serverURL: String?
    var parameters: [Parameter]
    var hasBody: Bool
    var description: String
    var inputSchema: JSONValue

    var descriptor: ToolDescriptor {
        ToolDescriptor(name: name, integration: integration, description: description, inputSchema: inputSchema)
    }

    /// Headers an operation may not set: the proxy's and the user's credentials are not its to choose.
    static func isForbiddenHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "authorization" || lower == "host" || lower == "content-length" || lower == "cookie"
            || lower.hasPrefix("x-paragon-")
    }
}
