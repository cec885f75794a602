import Testing

/// The suites that drive the server with programs of their own (the official Python SDK, a
/// headless browser), nested here to run one test at a time: on two cores, several of them at
/// once starve the timing-sensitive tests that run beside them.
@Suite(.serialized) enum ExternalClients {}
