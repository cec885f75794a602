import ProviderKit

/// CALL_API_REQUEST: the agent's own requests through Paragon's Proxy API. Its tools arrive in a later version; it already loads through the ABI.
struct ProxyAPIProvider: ToolProvider {
    init(host: ProviderHost) throws {}

    func listTools(context: CallContext) async throws -> [ToolDescriptor] { [] }

    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        throw ProviderError.toolError("unknown tool \(name)")
    }
}
