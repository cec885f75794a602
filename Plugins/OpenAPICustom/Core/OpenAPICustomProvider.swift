import Foundation
import ParagonAPI
import ProviderKit

/// Custom actions from OpenAPI specs: each operation of a spec in the `openapi/` folder whose
/// integration the project has becomes a tool, executed through Paragon's Proxy API with the
/// user's connected account.
struct OpenAPICustomProvider: ToolProvider {
    let specs: [SpecFile]
    let zeus: ZeusClient
    let proxy: ProxyClient
    let host: ProviderHost
    let byName: [String: OperationTool]

    struct Settings: Decodable {
        /// The folder of specs, relative to config.yaml's.
        var folder: String?
    }

    init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        let settings = try host.decodeConfig(Settings.self)
        let folder = SpecFolder.resolve(settings.folder ?? "openapi", against: host.configDirectory)
        let loaded = SpecFolder.load(folder)
        for problem in loaded.problems { host.log(.error, problem) }
        for note in loaded.notes { host.log(.warning, note) }
        self.specs = loaded.specs
        self.host = host
        self.zeus = ZeusClient(http: http, paragon: host.paragon)
        self.proxy = ProxyClient(http: http, paragon: host.paragon)
        self.byName = Dictionary(
            loaded.specs.flatMap(\.tools).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        host.log(
            .info,
            "loaded \(loaded.specs.count) spec file(s) with \(byName.count) operation(s) from \(folder)")
    }

    /// The tools of the specs whose integration the project has (asked of Zeus with the user's
    /// token). A listing for no user has no token to ask with: it lists every spec's tools.
    func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        guard !specs.isEmpty else { return [] }
        guard !context.userToken.isEmpty else { return specs.flatMap(\.tools).map(\.descriptor) }
        let active = Set(try await zeus.integrations(context: context).map(\.name))
        var tools: [ToolDescriptor] = []
        for spec in specs {
            guard active.contains(spec.integration) else {
                if context.userID.isEmpty {
                    host.log(
                        .warning,
                        "ignored \(spec.file): the project has no active integration \(spec.integration)")
                }
                continue
            }
            tools += spec.tools.map(\.descriptor)
        }
        return tools
    }

    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        guard let tool = byName[name] else { throw ProviderError.toolError("unknown tool \(name)") }
        let params = arguments["params"]?.objectValue ?? [:]
        var pathValues: [String: JSONValue] = [:]
        var query: [(String, JSONValue)] = []
        var headers: [(name: String, value: String)] = [("X-Paragon-Use-Raw-Response", "true")]
        for parameter in tool.parameters {
            guard let value = params[parameter.name], value != .null else { continue }
            switch parameter.location {
            case .path: pathValues[parameter.name] = value
            case .query: query.append((parameter.name, value))
            case .header:
                guard !OperationTool.isForbiddenHeader(parameter.name) else { continue }
                headers.append((parameter.name, ProxyTarget.text(of: value)))
            }
        }
        let target = ProxyTarget.url(serverURL: tool.serverURL, path: tool.path, pathValues: pathValues, query: query)
        var body: [UInt8] = []
        if tool.hasBody, let value = arguments["body"] { body = value.encoded() }
        let response = try await proxy.send(
            integration: tool.integration, method: tool.method, target: target, headers: headers, body: body,
            context: context)
        let parsed = try? JSONValue.parse(response.body)
        var result = ToolResult.text(response.text)
        if let parsed, parsed.objectValue != nil { result.structuredContent = parsed }
        return result
    }
}
