/// What the server records, in its own terms; label values stay few and bounded.
extension ServerMetrics {
    /// How a tool-list lookup was served.
    enum ListLookup: String {
        /// A kept, fresh list.
        case hit
        /// Fetched from the providers.
        case miss
        /// Shared a fetch already in flight for the same user.
        case joined
    }

    func sessionOpened(_ transport: SessionTransport) { sessions[transport.rawValue].increment() }
    func sessionClosed(_ transport: SessionTransport) { sessions[transport.rawValue].decrement() }

    func httpRequest(route: String, method: String, status: Int, duration: Duration) {
        httpRequests[route, method, String(status)].increment()
        httpDurations[route].record(duration)
    }

    func mcpRequest(method: String, error: JSONRPCError?) {
        mcpRequests[Self.knownMethods.contains(method) ? method : "other", error.map(Self.outcome) ?? "ok"]
            .increment()
    }

    func toolCall(_ result: ToolCallResult, duration: Duration) {
        let (provider, outcome): (String, String)
        switch result {
        case .outcome(let tool, let providerOutcome): (provider, outcome) = (tool.providerName, providerOutcome.label)
        case .unknownTool: (provider, outcome) = ("none", "unknown_tool")
        case .listingFailed: (provider, outcome) = ("none", "listing_failed")
        case .unavailable: (provider, outcome) = ("none", "provider_unavailable")
        case .invalidArguments(let tool, _): (provider, outcome) = (tool.providerName, "invalid_arguments")
        }
        toolCalls[provider, outcome].increment()
        toolCallDurations[provider].record(duration)
    }

    func upstreamRequest(provider: String, status: Int?, duration: Duration) {
        upstreamRequests[provider, status.map(String.init) ?? "error"].increment()
        upstreamDurations[provider].record(duration)
    }

    func toolListLookup(_ lookup: ListLookup) { toolListCache[lookup.rawValue].increment() }
    func providerLoadFailed(_ provider: String) { providerLoadFailures[provider].increment() }
    func providerListingFailed(_ provider: String) { providerListingFailures[provider].increment() }
    func connectionRefused() { connectionsRefused.increment() }
    func connectionTimedOut(reason: String) { connectionsTimedOut[reason].increment() }
    func configReloaded(succeeded: Bool) { configReloads[succeeded ? "success" : "failure"].increment() }
    func setupLinkIssued() { setupLinksIssued.increment() }
    func setupLinkCompleted() { setupLinksCompleted.increment() }

    /// Methods counted by name; any other is counted as `other`, so a client cannot grow the label set.
    static let knownMethods: Set<String> = [
        "initialize", "ping", "tools/list", "tools/call", "logging/setLevel", "resources/list",
        "resources/templates/list", "prompts/list", "completion/complete",
    ]

    private static func outcome(_ error: JSONRPCError) -> String {
        switch error.code {
        case -32700: "parse_error"
        case -32600: "invalid_request"
        case -32601: "method_not_found"
        case -32602: "invalid_params"
        case -32603: "internal_error"
        case -32800: "cancelled"
        default: "error"
        }
    }
}

extension ProviderOutcome {
    /// The outcome's name in metrics.
    var label: String {
        switch self {
        case .result: "result"
        case .toolError: "tool_error"
        case .needsConnection: "needs_connection"
        case .upstreamFailure: "upstream_failure"
        case .internalError: "internal_error"
        case .timedOut: "timed_out"
        case .cancelled: "cancelled"
        }
    }
}
