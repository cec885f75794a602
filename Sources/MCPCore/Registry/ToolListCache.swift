import Observability
import Synchronization

/// Users' tool lists, each kept for a while and fetched once however many requests ask for it
/// at the same moment (single flight). A failed fetch is not kept: the next request tries again.
/// A list a provider is missing from (it failed to list) is kept for `partialTTL` at most, so
/// the provider is asked again soon without every request asking every provider.
package final class ToolListCache: Sendable {
    package typealias Load = @Sendable () async throws(RegistryError) -> ToolSnapshot

    private enum Entry {
        /// A fetch in flight; every request for the user awaits it.
        case loading(Task<ToolSnapshot, any Error>, generation: UInt64)
        case ready(ToolSnapshot, expires: ContinuousClock.Instant)
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    private let ttl: Duration
    /// How long a list a provider is missing from is kept, at most.
    package let partialTTL: Duration
    private let maxUsers: Int
    private let metrics: ServerMetrics?

    package init(ttlSeconds: Int, maxUsers: Int, partialTTL: Duration = .seconds(5), metrics: ServerMetrics? = nil) {
        self.ttl = .seconds(ttlSeconds)
        self.partialTTL = partialTTL
        self.maxUsers = max(maxUsers, 1)
        self.metrics = metrics
    }

    /// The user's list: the kept one while fresh, else the fetch in flight, else a new fetch by `load`.
    /// The fetch runs on its own, so one requester giving up does not fail the others.
    package func snapshot(for userID: String, load: @escaping Load) async throws(RegistryError) -> ToolSnapshot {
        enum Lookup {
            case hit(ToolSnapshot)
            case wait(Task<ToolSnapshot, any Error>, storeAs: UInt64?)
        }
        let now = ContinuousClock.now
        let lookup = state.withLock { state -> Lookup in
            switch state.entries[userID] {
            case .ready(let snapshot, let expires) where expires > now:
                return .hit(snapshot)
            case .loading(let task, _):
                return .wait(task, storeAs: nil)
            default:
                state.generation += 1
                let task = Task<ToolSnapshot, any Error> { () async throws -> ToolSnapshot in try await load() }
                state.entries[userID] = .loading(task, generation: state.generation)
                return .wait(task, storeAs: state.generation)
            }
        }
        switch lookup {
        case .hit(let snapshot):
            metrics?.toolListLookup(.hit)
            return snapshot
        case .wait(let task, let generation):
            metrics?.toolListLookup(generation == nil ? .joined : .miss)
            let result = await task.result
            if let generation { store(result, for: userID, generation: generation) }
            switch result {
            case .success(let snapshot): return snapshot
            case .failure(let error as RegistryError): throw error
            case .failure(let error): throw .listingFailed(provider: "?", outcome: .internalError("\(error)"))
            }
        }
    }

    /// The kept list of the user, if fresh, without fetching.
    package func cached(for userID: String) -> ToolSnapshot? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard case .ready(let snapshot, let expires)? = state.entries[userID], expires > now else { return nil }
            return snapshot
        }
    }

    /// Forgets the user's list (and any fetch in flight), so the next request fetches anew.
    package func invalidate(_ userID: String) {
        state.withLock { _ = $0.entries.removeValue(forKey: userID) }
    }

    private func store(_ result: Result<ToolSnapshot, any Error>, for userID: String, generation: UInt64) {
        let now = ContinuousClock.now
        state.withLock { state in
            // Invalidated or replaced meanwhile: this fetch's result is not kept.
            guard case .loading(_, let current)? = state.entries[userID], current == generation else { return }
            guard case .success(let snapshot) = result, ttl > .zero else {
                state.entries[userID] = nil
                return
            }
            let kept = snapshot.isComplete ? ttl : min(ttl, partialTTL)
            state.entries[userID] = .ready(snapshot, expires: now + kept)
            if state.entries.count > maxUsers { Self.evict(&state.entries, keeping: maxUsers) }
        }
    }

    /// Drops expired lists, then those closest to expiry, until `limit` remain. Fetches in flight stay.
    private static func evict(_ entries: inout [String: Entry], keeping limit: Int) {
        let now = ContinuousClock.now
        entries = entries.filter {
            if case .ready(_, let expires) = $0.value { return expires > now }
            return true
        }
        guard entries.count > limit else { return }
        let ready = entries.compactMap { key, entry -> (String, ContinuousClock.Instant)? in
            if case .ready(_, let expires) = entry { return (key, expires) }
            return nil
        }
        for (key, _) in ready.sorted(by: { $0.1 < $1.1 }).prefix(entries.count - limit) { entries[key] = nil }
    }
}
