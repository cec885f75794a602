import Foundation
import ParagonAPI
import ProviderKit

/// Paragon ActionKit: every action of the project's integrations is a tool, run as the user.
/// With `only_connected`, only the actions of the integrations the user has connected, and
/// ``ConnectTool`` for the others.
public struct ActionKitProvider: ToolProvider {
    let client: ActionKitClient
    let zeus: ZeusClient
    let host: ProviderHost
    let index = ActionIndex()
    let maxBinaryBytes: Int
    /// List only the actions of connected integrations, plus ``ConnectTool``.
    let onlyConnected: Bool

    struct Settings: Decodable {
        /// Binary answers (a downloaded file) larger than this many bytes are described instead.
        var max_binary_bytes: Int?
        // `only_connected` (a boolean, read by ``ProviderHost/flag(_:default:)``): see ``ConnectTool``.
    }

    public init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        self.host = host
        self.maxBinaryBytes =
            try host.decodeConfig(Settings.self).max_binary_bytes ?? ResultContent.defaultMaxBinaryBytes
        self.onlyConnected = try host.flag("only_connected")
        self.client = ActionKitClient(
            http: http, baseURL: host.paragon.actionKitURL, projectID: host.paragon.projectId)
        self.zeus = ZeusClient(http: http, paragon: host.paragon)
    }

    public func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        // ActionKit lists per user; a listing without a token has none.
        guard !context.userToken.isEmpty else { return [] }
        guard onlyConnected else { return tools(of: try await client.listActions(context: context)) }
        async let project = projectIntegrations(context: context)
        let catalog = try await client.listActions(context: context, onlyAvailable: true)
        let offered = ConnectTool.unconnected(
            project: await project, connected: Set(catalog.keys), limits: host.limits)
        return tools(of: catalog) + [ConnectTool.descriptor(offering: offered)].compactMap { $0 }
    }

    /// The actions of `catalog` as tools, by integration then name.
    private func tools(of catalog: [String: [ActionKitAction]]) -> [ToolDescriptor] {
        index.record(catalog)
        return catalog.flatMap { integration, actions in
            actions.map { action in
                ToolDescriptor(
                    name: action.name, integration: integration,
                    title: ActionHints.title(action: action.name, integration: integration),
                    description: action.description, inputSchema: action.inputSchema,
                    annotations: ActionHints(action: action.name, integration: integration).annotations)
            }
        }.sorted { ($0.integration, $0.name) < ($1.integration, $1.name) }
    }

    /// The project's integrations, from Zeus. A failure costs only ``ConnectTool`` (logged):
    /// the connected integrations' tools are listed all the same.
    private func projectIntegrations(context: CallContext) async -> [ParagonIntegration] {
        do {
            return try await zeus.integrations(context: context)
        } catch {
            host.log(
                .warning, "could not list the project's integrations; \(ConnectTool.name) left out: \(error)",
                call: context)
            return []
        }
    }

    public func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        if onlyConnected, name == ConnectTool.name { return try await connect(arguments, context: context) }
        host.log(.debug, "running action \(name)", call: context)
        let answer = try await client.runAction(
            name, parameters: arguments, integration: index.integration(of: name), context: context)
        // JSON as compact text (and structured content for an object); a file by its media type.
        return ResultContent.result(
            of: answer, resourceURI: "actionkit://action/\(name)", maxBinaryBytes: maxBinaryBytes, reencodeJSON: true)
    }

    /// ``ConnectTool``'s call: "needs connection" for the integration (the host answers with its
    /// setup link), unless the user has connected it meanwhile (a list older than the connection).
    private func connect(_ arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        let integration = try ConnectTool.integration(in: arguments, limits: host.limits)
        let catalog = try await client.listActions(context: context, onlyAvailable: true)
        guard catalog[integration] != nil else { throw ProviderError.needsConnection(integration: integration) }
        index.record(catalog)
        return .text(
            "\(integration) is connected: its tools are listed (ask for the tool list again if they are missing).")
    }
}
