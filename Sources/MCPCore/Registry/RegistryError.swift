/// Why the registry could not produce a user's tool list.
package enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A provider failed to list its tools.
    case listingFailed(provider: String, outcome: ProviderOutcome)
    /// A provider's list is not a JSON array of tools.
    case invalidToolList(provider: String, reason: String)
    /// Two providers offer the same tool name.
    case duplicateTool(name: String, providers: [String])
    /// Every provider failed to list its tools; each failure, in provider order.
    indirect case everyListingFailed([RegistryError])

    package var description: String {
        switch self {
        case .listingFailed(let provider, let outcome):
            return "provider \(provider) failed to list its tools: \(outcome.summary)"
        case .invalidToolList(let provider, let reason):
            return "provider \(provider) returned an invalid tool list: \(reason)"
        case .duplicateTool(let name, let providers):
            return "tool \(name) is offered by more than one provider: \(providers.joined(separator: " and "))"
        case .everyListingFailed(let failures):
            return failures.map(\.description).joined(separator: "; ")
        }
    }
}

extension ProviderOutcome {
    /// A one-line account for logs and the CLI.
    package var summary: String {
        switch self {
        case .result: return "result"
        case .toolError(let message): return "tool error: \(message)"
        case .needsConnection(let integration): return "integration \(integration) is not connected"
        case .upstreamFailure(let status, let message):
            return status == 0 ? "upstream failure: \(message)" : "upstream failure (HTTP \(status)): \(message)"
        case .internalError(let message): return "internal error: \(message)"
        case .timedOut: return "timed out"
        case .cancelled: return "cancelled"
        }
    }
}
