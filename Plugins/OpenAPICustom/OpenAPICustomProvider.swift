import ProviderKit

/// Custom actions from OpenAPI specs, through Paragon's Proxy API. Its tools arrive in a later version; it already loads through the ABI.
struct OpenAPICustomProvider: ToolProvider {
    init(host: ProviderHost) throws {}

    func listTools(context: CallContext) async throws -> [ToolDescriptor] { [] }

    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        throw ProviderError.toolError("unknown tool \(name)")
    }
}
