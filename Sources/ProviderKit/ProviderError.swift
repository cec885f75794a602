/// The outcomes of a call other than a result; throw one from ``ToolProvider`` methods.
public enum ProviderError: Error, Sendable, Equatable {
    /// The tool ran and failed in a way the agent should read.
    case toolError(String)
    /// The user has not connected `integration`; the host answers with a setup link.
    case needsConnection(integration: String)
    /// An upstream service failed; `status` is its HTTP status, 0 when it gave none.
    case upstreamFailure(status: Int, message: String)
    /// The provider failed in itself; the client is told only that the provider failed.
    case internalError(String)
}
