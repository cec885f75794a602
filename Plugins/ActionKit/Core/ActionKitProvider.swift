import Foundation
import ProviderKit

/// Paragon ActionKit: every action of the project's integrations is a tool, run as the user.
struct ActionKitProvider: ToolProvider {
    let client: ActionKitClient
    let host: ProviderHost
    let index = ActionIndex()

    init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        self.host = host
        self.client = ActionKitClient(
            http: http, baseURL: host.paragon.actionKitURL, projectID: host.paragon.projectId)
    }

    func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        // ActionKit lists per user; a listing without a token has none.
        guard !context.userToken.isEmpty else { return [] }
        let catalog = try await client.listActions(context: context)
        index.record(catalog)
        return catalog.flatMap { integration, actions in
            actions.map { action in
                ToolDescriptor(
                    name: action.name, integration: integration, description: action.description,
                    inputSchema: action.parameters ?? ["type": "object"])
            }
        }.sorted { ($0.integration, $0.name) < ($1.integration, $1.name) }
    }

    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        host.log(.debug, "running action \(name)", call: context)
        let answer = try await client.runAction(
            name, parameters: arguments, integration: index.integration(of: name), context: context)
        var result = ToolResult.text(String(decoding: answer.encoded(), as: UTF8.self))
        if answer.objectValue != nil { result.structuredContent = answer }
        return result
    }
}
