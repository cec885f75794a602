/// How a provider's list or call ended, as the host sees it.
package enum ProviderOutcome: Sendable, Equatable {
    /// The provider's JSON result (a tool array for lists, a CallToolResult for calls).
    case result([UInt8])
    case toolError(String)
    case needsConnection(integration: String)
    case upstreamFailure(status: Int, message: String)
    /// The provider failed in itself; the message is for logs, not for clients.
    case internalError(String)
    /// The deadline passed before the provider completed.
    case timedOut
    /// The caller went away.
    case cancelled
}
