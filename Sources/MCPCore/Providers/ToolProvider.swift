/// A source of tools the registry merges and routes calls to. The plugin runtime's provider
/// instances (dynamic libraries behind the C ABI) are the server's; tests use in-memory ones.
///
/// Lists and calls may overlap, on any task. Each answer is the provider's own JSON bytes:
/// for a list, `{"tools": [...]}`; for a call, an MCP `CallToolResult`.
package protocol ToolProvider: Sendable {
    /// The provider's key in config.yaml; unique within a registry.
    var name: String { get }

    /// The tools offered to `user`, answered within `timeout` (else ``ProviderOutcome/timedOut``).
    func listTools(for user: UserIdentity, requestID: String, timeout: Duration) async -> ProviderOutcome

    /// Calls tool `name` with `arguments` (a serialized JSON object) for `user`, answered within
    /// `timeout`. Cancelling the calling task cancels the call (``ProviderOutcome/cancelled``).
    func callTool(
        _ name: String, arguments: [UInt8], for user: UserIdentity, requestID: String, timeout: Duration
    ) async -> ProviderOutcome

    /// Releases the provider once its last list or call has ended; it is not used afterwards.
    func destroy() async
}
