import Foundation
import ParagonAPI
import ProviderKit

/// Custom actions from OpenAPI specs: each operation of a spec in the `openapi/` folder whose
/// integration the project has becomes a tool, executed through Paragon's Proxy API with the
/// user's connected account.
public struct OpenAPICustomProvider: ToolProvider {
    let specs: [SpecFile]
    let zeus: ZeusClient
    let proxy: ProxyClient
    let host: ProviderHost
    let byName: [String: OperationTool]
    /// Each spec's tools, encoded once at load (listings send them as they are).
    let encoded: [String: EncodedToolList]
    let maxBinaryBytes: Int

    struct Settings: Decodable {
        /// The folder of specs, relative to config.yaml's.
        var folder: String?
        /// Binary answers larger than this many bytes are described instead of returned.
        var max_binary_bytes: Int?
        // `output_schema` (a boolean, read by ``ProviderHost/flag(_:default:)``): each operation's
        // success response schema becomes its tool's output schema (``ResponseSchema``).
    }

    public init(host: ProviderHost) throws {
        guard let http = host.http else {
            throw ProviderError.internalError("the host offers no HTTP service (paragon-mcp.http/1)")
        }
        let settings = try host.decodeConfig(Settings.self)
        let folder = SpecFolder.resolve(settings.folder ?? "openapi", against: host.configDirectory)
        let loaded = SpecFolder.load(folder, outputSchemas: try host.flag("output_schema"))
        for diagnostic in loaded.diagnostics {
            switch diagnostic.severity {
            case .error: host.log(.error, diagnostic.description)
            case .warning: host.log(.warning, diagnostic.description)
            case .note: host.log(.info, diagnostic.description)
            }
        }
        for rename in loaded.renames { host.log(.info, rename.description) }
        self.specs = loaded.specs
        self.host = host
        self.zeus = ZeusClient(http: http, paragon: host.paragon)
        self.proxy = ProxyClient(http: http, paragon: host.paragon)
        self.maxBinaryBytes = settings.max_binary_bytes ?? ResultContent.defaultMaxBinaryBytes
        self.encoded = Dictionary(
            loaded.specs.map { ($0.file, EncodedToolList($0.tools.map(\.descriptor))) }, uniquingKeysWith: { a, _ in a }
        )
        self.byName = Dictionary(
            loaded.specs.flatMap(\.tools).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        host.log(
            .info,
            "loaded \(loaded.specs.count) spec file(s) with \(byName.count) operation(s) from \(folder)")
    }

    /// The tools of the specs whose integration the project has (asked of Zeus with the user's
    /// token). A listing for no user has no token to ask with: it lists every spec's tools.
    public func listTools(context: CallContext) async throws -> [ToolDescriptor] {
        try await listedSpecs(context: context).flatMap { $0.tools.map(\.descriptor) }
    }

    /// The same tools, as encoded at load.
    public func listToolsJSON(context: CallContext) async throws -> [UInt8] {
        EncodedToolList.array(try await listedSpecs(context: context).compactMap { encoded[$0.file] })
    }

    /// The specs listed in `context`, in folder order.
    private func listedSpecs(context: CallContext) async throws -> [SpecFile] {
        guard !specs.isEmpty else { return [] }
        guard !context.userToken.isEmpty else { return specs }
        let active = Set(try await zeus.integrations(context: context).map(\.name))
        return specs.filter { spec in
            guard active.contains(spec.integration) else {
                if context.userID.isEmpty {
                    host.log(
                        .warning,
                        "ignored \(spec.file): the project has no active integration \(spec.integration)")
                }
                return false
            }
            return true
        }
    }

    public func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        guard let tool = byName[name] else { throw ProviderError.toolError("unknown tool \(name)") }
        let request: PreparedRequest
        do {
            request = try RequestBuilder.build(tool, arguments: arguments)
        } catch {
            throw ProviderError.toolError(error.description)
        }
        let response = try await proxy.send(
            integration: tool.integration, method: request.method, target: request.target,
            headers: request.headers.map { ($0.name, $0.value) }, body: request.body, context: context)
        return ResultContent.result(
            of: response, resourceURI: "openapi://tool/\(name)", maxBinaryBytes: maxBinaryBytes)
    }
}
