import Observability

/// What the server records of MCP itself: sessions, requests, tool calls.
extension ServerMetrics {
    package func sessionOpened(_ transport: SessionTransport) { sessions[transport.rawValue].increment() }
    package func sessionClosed(_ transport: SessionTransport) { sessions[transport.rawValue].decrement() }

    package func mcpRequest(method: String, error: JSONRPCError?) {
        mcpRequests[Self.knownMethods.contains(method) ? method : "other", error.map(Self.outcome) ?? "ok"]
            .increment()
    }

    package func toolCall(_ result: ToolCallResult, duration: Duration) {
        let (provider, outcome): (String, String)
        switch result {
        case .outcome(let tool, let providerOutcome, _):
            (provider, outcome) = (tool.providerName, providerOutcome.label)
        case .unknownTool: (provider, outcome) = ("none", "unknown_tool")
        case .listingFailed: (provider, outcome) = ("none", "listing_failed")
        case .unavailable: (provider, outcome) = ("none", "provider_unavailable")
        case .invalidArguments(let tool, _): (provider, outcome) = (tool.providerName, "invalid_arguments")
        case .refused: (provider, outcome) = ("none", "header_mismatch")
        }
        toolCalls[provider, outcome].increment()
        toolCallDurations[provider].record(duration)
    }

    /// A search of search mode answered `results` tools.
    package func toolSearch(results: Int) {
        toolSearches[results > 0 ? "found" : "empty"].increment()
    }

    /// Methods counted by name; any other is counted as `other`, so a client cannot grow the label set.
    package static let knownMethods: Set<String> = [
        "initialize", "ping", "tools/list", "tools/call", "logging/setLevel", "resources/list",
        "resources/templates/list", "prompts/list", "completion/complete", "server/discover",
        "subscriptions/listen",
    ]

    private static func outcome(_ error: JSONRPCError) -> String {
        switch error.code {
        case -32700: "parse_error"
        case -32600: "invalid_request"
        case -32601: "method_not_found"
        case -32602: "invalid_params"
        case -32603: "internal_error"
        case -32800: "cancelled"
        case -32020: "header_mismatch"
        case -32021: "missing_client_capability"
        case -32022: "unsupported_protocol_version"
        case -32042: "url_elicitation_required"
        default: "error"
        }
    }
}

extension ProviderOutcome {
    /// The outcome's name in metrics.
    package var label: String {
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
