import ProviderKit

/// Paragon ActionKit: prebuilt actions for 130+ integrations. Its tools arrive in a later version; it already loads through the ABI.
struct ActionKitProvider: ToolProvider {
    init(host: ProviderHost) throws {}

    func listTools(context: CallContext) async throws -> [ToolDescriptor] { [] }

    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult {
        throw ProviderError.toolError("unknown tool \(name)")
    }
}
