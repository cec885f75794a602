import AsyncHTTPClient

/// How the providers' pooled AsyncHTTPClient is configured; the benchmark's outbound-client
/// floor (`bench-upstream-client`) uses the same.
package enum OutboundClientConfiguration {
    package static func make() -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .enabled(limit: .ratio(100))
        // No tracer: otherwise every request builds a span and its attributes for the no-op one.
        configuration.tracing.tracer = nil
        return configuration
    }
}
