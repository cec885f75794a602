/// A tool provider written in Swift: its tools and its logic, nothing of the C plumbing.
///
/// The host creates one instance per configuration (again on each reload) through
/// ``init(host:)``, then lists and calls tools on it concurrently, from any thread.
/// Export it with a ``ProviderEntry`` and one `@_cdecl` function:
///
/// ```swift
/// let entry = ProviderEntry(name: "example", version: "1.0.0", provider: ExampleProvider.self)
///
/// @_cdecl("paragon_mcp_provider_v1")
/// public func paragonMCPProviderV1() -> UnsafeRawPointer { entry.descriptor }
/// ```
public protocol ToolProvider: Sendable {
    /// Creates the provider from its configuration; a thrown error is shown to the user, who
    /// sees it as the reason the provider failed to load.
    init(host: ProviderHost) throws

    /// The tools offered to the user in `context` (lists may differ per user).
    func listTools(context: CallContext) async throws -> [ToolDescriptor]

    /// The same tools as the JSON array the host reads. The default encodes ``listTools(context:)``;
    /// a provider that keeps its tools encoded (``EncodedToolList``) returns them as they are.
    func listToolsJSON(context: CallContext) async throws -> [UInt8]

    /// Runs a tool. The host has already checked that the tool is listed and that `arguments`
    /// satisfy its input schema. Throwing ``ProviderError`` picks the outcome; any other error
    /// is reported as an internal failure of the provider.
    func callTool(name: String, arguments: JSONValue, context: CallContext) async throws -> ToolResult
}

extension ToolProvider {
    public func listToolsJSON(context: CallContext) async throws -> [UInt8] {
        EncodedToolList.array([EncodedToolList(try await listTools(context: context))])
    }
}
