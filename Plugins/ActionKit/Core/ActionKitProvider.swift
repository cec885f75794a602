import Foundation
import ParagonAPI
import ProviderKit

/// Paragon ActionKit: every action of the project's integrations is a tool, run as the user.
public struct ActionKitProvider: ToolProvider {
    let client: ActionKitClient
    let host: ProviderHost
    let index = ActionIndex()
    let maxBinaryBytes: Int

    struct Settings: Decodable {
        /// Binary answers (a downloaded file) larger than this many bytes are described instead.
        var max_binary_bytes: Int?
    }

    public init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        self.host = host
        self.maxBinaryBytes =
            try host.decodeConfig(Settings.self).max_binary_bytes ?? ResultContent.defaultMaxBinaryBytes
        self.client = ActionKitClient(
            http: http, baseURL: host.paragon.actionKitURL, projectID: host.paragon.projectId)
    }

    public func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        // ActionKit lists per user; a listing without a token has none.
        guard !context.userToken.isEmpty else { return [] }
        let catalog = try await client.listActions(context: context)
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

    public func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        host.log(.debug, "running action \(name)", call: context)
        let answer = try await client.runAction(
            name, parameters: arguments, integration: index.integration(of: name), context: context)
        // JSON as compact text (and structured content for an object); a file by its media type.
        return ResultContent.result(
            of: answer, resourceURI: "actionkit://action/\(name)", maxBinaryBytes: maxBinaryBytes, reencodeJSON: true)
    }
}
