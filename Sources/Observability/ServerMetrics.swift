import Prometheus

/// The server's Prometheus metrics. Each server has its own collector registry, so servers in
/// one process (tests) do not share counts, and nothing goes through a global metrics system.
package final class ServerMetrics: Sendable {
    package let registry = PrometheusCollectorRegistry()

    package let sessions: LabeledMetrics<Gauge>
    package let httpRequests: LabeledMetrics<Counter>
    package let httpDurations: LabeledMetrics<DurationHistogram>
    package let mcpRequests: LabeledMetrics<Counter>
    package let toolCalls: LabeledMetrics<Counter>
    package let toolCallDurations: LabeledMetrics<DurationHistogram>
    package let toolSearches: LabeledMetrics<Counter>
    package let upstreamRequests: LabeledMetrics<Counter>
    package let upstreamDurations: LabeledMetrics<DurationHistogram>
    package let toolListCache: LabeledMetrics<Counter>
    package let providerLoadFailures: LabeledMetrics<Counter>
    package let providerListingFailures: LabeledMetrics<Counter>
    package let connectionsRefused: Counter
    package let connectionsTimedOut: LabeledMetrics<Counter>
    package let connectionsOpen: Gauge
    package let providersLoaded: Gauge
    package let configReloads: LabeledMetrics<Counter>
    package let setupLinksIssued: Counter
    package let setupLinksCompleted: Counter
    /// Cluster mode: round trips to the shared store, by operation and outcome, and their latency.
    package let storeRoundTrips: LabeledMetrics<Counter>
    package let storeRoundTripDurations: LabeledMetrics<DurationHistogram>
    /// Cluster mode: events exchanged with the other instances, by direction.
    package let clusterEvents: LabeledMetrics<Counter>
    /// Cluster mode: 1 while the shared store answers, 0 while it does not.
    package let storeUp: Gauge
    /// Cluster mode: sessions served here that another instance opened (or this one before a restart).
    package let sessionsTakenOver: Counter

    /// Latency buckets from 1 ms to 60 s.
    package static let buckets: [Duration] = [
        1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000,
    ]
    .map { .milliseconds($0) }

    package init() {
        let registry = self.registry
        func counter(_ name: String, _ help: String, _ labels: [String]) -> LabeledMetrics<Counter> {
            LabeledMetrics { values in
                registry.makeCounter(
                    descriptor: Self.descriptor(name, help), labels: Array(zip(labels, values)))
            }
        }
        func histogram(_ name: String, _ help: String, _ labels: [String]) -> LabeledMetrics<DurationHistogram> {
            LabeledMetrics { values in
                registry.makeDurationHistogram(
                    descriptor: Self.descriptor(name, help), labels: Array(zip(labels, values)), buckets: Self.buckets)
            }
        }
        sessions = LabeledMetrics { values in
            registry.makeGauge(
                descriptor: Self.descriptor("sessions_active", "Open MCP sessions."),
                labels: [("transport", values[0])])
        }
        httpRequests = counter(
            "http_requests_total", "HTTP requests answered, by route, method and status.",
            ["route", "method", "status"])
        httpDurations = histogram(
            "http_request_duration_seconds", "Time to the response head, by route.", ["route"])
        mcpRequests = counter(
            "mcp_requests_total", "MCP requests answered, by method and outcome.", ["method", "outcome"])
        toolCalls = counter("tool_calls_total", "Tool calls, by provider and outcome.", ["provider", "outcome"])
        toolCallDurations = histogram(
            "tool_call_duration_seconds", "Tool call latency, by provider.", ["provider"])
        toolSearches = counter(
            "tool_searches_total", "Searches of search mode's SEARCH_TOOLS, by whether they found a tool.", ["outcome"])
        upstreamRequests = counter(
            "upstream_requests_total", "Providers' outbound HTTP requests, by provider and status.",
            ["provider", "status"])
        upstreamDurations = histogram(
            "upstream_request_duration_seconds", "Providers' outbound HTTP latency, by provider.", ["provider"])
        toolListCache = counter(
            "tool_list_cache_requests_total",
            "Tool-list lookups, by result (hit, miss, or joined to a fetch in flight).", ["result"])
        providerLoadFailures = counter(
            "provider_load_failures_total", "Providers that failed to load, by provider.", ["provider"])
        providerListingFailures = counter(
            "provider_listing_failures_total",
            "Tool listings a provider failed (its tools were left out of that list), by provider.", ["provider"])
        connectionsRefused = registry.makeCounter(
            descriptor: Self.descriptor(
                "connections_refused_total", "HTTP connections closed as they arrived (server.max_connections)."))
        connectionsTimedOut = counter(
            "connections_timed_out_total",
            "HTTP connections closed for keeping the server waiting, by reason (request_head, request_body, "
                + "keep_alive).", ["reason"])
        connectionsOpen = registry.makeGauge(
            descriptor: Self.descriptor("connections_open", "HTTP connections open now."))
        providersLoaded = registry.makeGauge(
            descriptor: Self.descriptor("providers_loaded", "Providers serving tools now."))
        configReloads = counter("config_reloads_total", "Configuration reloads, by outcome.", ["outcome"])
        setupLinksIssued = registry.makeCounter(
            descriptor: Self.descriptor("setup_links_issued_total", "Setup links handed to users."))
        setupLinksCompleted = registry.makeCounter(
            descriptor: Self.descriptor("setup_links_completed_total", "Connections completed through setup links."))
        storeRoundTrips = counter(
            "store_round_trips_total", "Cluster mode: round trips to PostgreSQL, by operation and outcome.",
            ["operation", "outcome"])
        storeRoundTripDurations = histogram(
            "store_round_trip_duration_seconds", "Cluster mode: PostgreSQL round-trip latency, by operation.",
            ["operation"])
        clusterEvents = counter(
            "cluster_events_total", "Cluster mode: events published to and received from the other instances.",
            ["direction", "kind"])
        storeUp = registry.makeGauge(
            descriptor: Self.descriptor("store_up", "Cluster mode: 1 while PostgreSQL answers, else 0."))
        sessionsTakenOver = registry.makeCounter(
            descriptor: Self.descriptor(
                "cluster_sessions_taken_over_total",
                "Cluster mode: sessions served here that another instance opened (or this one before a restart)."))
    }

    /// The Prometheus text exposition of every metric.
    package func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }

    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "paragon_mcp", metricName: name, unitName: "", helpText: help)
    }
}
