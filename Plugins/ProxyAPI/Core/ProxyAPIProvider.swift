import Foundation
import ParagonAPI
import ProviderKit

/// `CALL_API_REQUEST` (experimental): the agent writes its own request to an integration's API,
/// sent through Paragon's Proxy API with the user's connected account, within guard rails.
public struct ProxyAPIProvider: ToolProvider {
    let host: ProviderHost
    let zeus: ZeusClient
    let proxy: ProxyClient
    let rails: ProxyGuardRails

    static let toolName = "CALL_API_REQUEST"

    public init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        self.host = host
        self.rails = try ProxyGuardRails(host.decodeConfig(ProxyGuardRails.Settings.self))
        self.zeus = ZeusClient(http: http, paragon: host.paragon)
        self.proxy = ProxyClient(http: http, paragon: host.paragon)
    }

    /// One tool; its `integration` enum is the project's active integrations (from Zeus, with
    /// the user's token) within `LIMIT_TO_INTEGRATIONS`. Without a token there is no project to
    /// ask, and the enum is the limit itself, or open.
    public func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        var integrations: [String]?
        if !context.userToken.isEmpty {
            integrations = try await zeus.integrations(context: context).map(\.name).filter(host.limits.allows)
        } else if !host.limits.integrations.isEmpty {
            integrations = host.limits.integrations
        }
        return [Self.descriptor(integrations: integrations, rails: rails)]
    }

    static let title = "Call an integration's API"

    /// Any request to any connected service: it may write and destroy, a repeat may not be
    /// harmless, and it reaches outside the server.
    static let annotations: JSONValue = [
        "readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true,
    ]

    static func descriptor(integrations: [String]?, rails: ProxyGuardRails) -> ToolDescriptor {
        ToolDescriptor(
            name: toolName, integration: "*", title: title, description: description(rails),
            inputSchema: inputSchema(integrations: integrations, methods: rails.allowedMethods),
            annotations: annotations)
    }

    public func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        guard name == Self.toolName else { throw ProviderError.toolError("unknown tool \(name)") }
        let request: ProxyRequest
        do throws(ProxyRefusal) {
            request = try ProxyRequest(arguments)
            try rails.check(request, limits: host.limits)
        } catch {
            throw ProviderError.toolError(error.description)
        }
        host.log(
            .info,
            "CALL_API_REQUEST user=\(context.userID) integration=\(request.integration) \(request.method) "
                + request.loggableURL, call: context)
        var headers: [(name: String, value: String)] = []
        if !request.headers.keys.contains(where: { $0.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        if request.integration == "slack" { headers.append(("X-Paragon-Use-Slack-Token-Type", "user")) }
        headers += request.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let body = request.method == "GET" ? [] : request.body.map { $0.encoded() } ?? []
        let response = try await proxy.send(
            integration: request.integration, method: request.method, target: request.target, headers: headers,
            body: body, context: context)
        return ProxyAnswer(rails).result(response, url: request.url)
    }

    static func inputSchema(integrations: [String]?, methods: [String]) -> JSONValue {
        var integration: [String: JSONValue] = [
            "type": "string", "description": "The integration whose API to call, as the user connected it.",
        ]
        if let integrations { integration["enum"] = .array(integrations.map { .string($0) }) }
        return [
            "type": "object",
            "properties": [
                "integration": .object(integration),
                "url": [
                    "type": "string",
                    "description":
                        "The full URL of the API endpoint, including the API's base (https://slack.com/api/chat.postMessage), never a relative path.",
                ],
                "httpMethod": ["type": "string", "enum": .array(methods.map { .string($0) })],
                "queryParams": [
                    "type": "object", "description": "Query parameters; values are sent as text.",
                ],
                "headers": [
                    "type": "object", "additionalProperties": ["type": "string"],
                    "description": "Extra request headers. Authorization and Paragon's own headers are set for you.",
                ],
                "body": ["type": "object", "description": "The JSON request body (not sent with GET)."],
            ],
            "required": ["integration", "url", "httpMethod"],
            "additionalProperties": false,
        ]
    }

    static func description(_ rails: ProxyGuardRails) -> String {
        """
        Sends a request you write to an integration's API, as the user, through their connected \
        account. Reach for it only when no other tool does the job. Before calling, work out \
        which endpoints you need and in what order, from the API's documentation; then call this \
        tool once per request, as many times as the task takes. When a request fails, read the \
        status and body it returns, correct the request and try again. \
        Methods allowed here: \(rails.allowedMethods.joined(separator: ", ")).
        """
    }
}
