/// Polls `condition` every 50 ms until it holds or `limit` passes; returns whether it held.
/// Tests wait this way rather than sleeping a fixed time, so a loaded CI machine only makes them slower.
func eventually(within limit: Duration, _ condition: () async throws -> Bool) async throws -> Bool {
    let end = ContinuousClock.now + limit
    while ContinuousClock.now < end {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
