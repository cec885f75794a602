/// What the server records, in its own terms; label values stay few and bounded.
extension ServerMetrics {
    /// How a tool-list lookup was served.
    package enum ListLookup: String {
        /// A kept, fresh list.
        case hit
        /// Fetched from the providers.
        case miss
        /// Shared a fetch already in flight for the same user.
        case joined
    }

    package func httpRequest(route: String, method: String, status: Int, duration: Duration) {
        httpRequests[route, method, String(status)].increment()
        httpDurations[route].record(duration)
    }

    package func upstreamRequest(provider: String, status: Int?, duration: Duration) {
        upstreamRequests[provider, status.map(String.init) ?? "error"].increment()
        upstreamDurations[provider].record(duration)
    }

    package func toolListLookup(_ lookup: ListLookup) { toolListCache[lookup.rawValue].increment() }
    package func providerLoadFailed(_ provider: String) { providerLoadFailures[provider].increment() }
    package func providerListingFailed(_ provider: String) { providerListingFailures[provider].increment() }
    package func connectionRefused() { connectionsRefused.increment() }
    package func connectionTimedOut(reason: String) { connectionsTimedOut[reason].increment() }
    package func configReloaded(succeeded: Bool) { configReloads[succeeded ? "success" : "failure"].increment() }
    package func setupLinkIssued() { setupLinksIssued.increment() }
    package func setupLinkCompleted() { setupLinksCompleted.increment() }
}
