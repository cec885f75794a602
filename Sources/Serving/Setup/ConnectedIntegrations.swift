import AsyncHTTPClient
import JSONCore
import Logging
import Synchronization

/// Which integrations each user has connected, for search mode's answers: Paragon's user record
/// (`GET {zeus}/projects/{id}/sdk/me`, what the Connect SDK's `getUser()` reads: `integrations`,
/// each key with `enabled`), asked with the user's token, fetched once however many ask at the
/// same moment, kept for `ttl` (an unanswered ask for `retryAfter`, as unknown), and forgotten
/// when the user connects one through a setup link.
package final class ConnectedIntegrations: Sendable {
    /// Fetches a user's connected integration keys with their token.
    package typealias Fetch = @Sendable (_ token: String) async throws -> Set<String>

    private enum Entry {
        /// A fetch in flight; `generation` tells it from a later one (after ``forget(_:)``).
        case loading(Task<Set<String>?, Never>, generation: UInt64)
        /// What was fetched; nil: Paragon did not say.
        case ready(Set<String>?, expires: ContinuousClock.Instant)
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    private let fetch: Fetch
    private let ttl: Duration
    private let retryAfter: Duration
    /// Users kept at most; the entry closest to expiry goes first.
    private let capacity: Int
    private let logger: Logger

    package init(
        ttl: Duration = .seconds(30), retryAfter: Duration = .seconds(10), capacity: Int = 10_000, logger: Logger,
        fetch: @escaping Fetch
    ) {
        self.fetch = fetch
        self.ttl = ttl
        self.retryAfter = retryAfter
        self.capacity = max(capacity, 1)
        self.logger = logger
    }

    /// Asks Zeus with `client`.
    package convenience init(zeusURL: String, projectID: String, client: HTTPClient, logger: Logger) {
        self.init(logger: logger) { token in
            Self.connected(
                in: try await ZeusRequest.json("\(zeusURL)/projects/\(projectID)/sdk/me", token: token, client: client))
        }
    }

    /// The keys `userID` has connected; nil when they cannot be had just now (logged).
    package func keys(userID: String, token: String) async -> Set<String>? {
        enum Lookup {
            case known(Set<String>?)
            case wait(Task<Set<String>?, Never>, storeAs: UInt64?)
        }
        let now = ContinuousClock.now
        let lookup = state.withLock { state -> Lookup in
            switch state.entries[userID] {
            case .ready(let keys, let expires) where expires > now:
                return .known(keys)
            case .loading(let task, _):
                return .wait(task, storeAs: nil)
            default:
                state.generation += 1
                let task = Task { await self.load(userID: userID, token: token) }
                state.entries[userID] = .loading(task, generation: state.generation)
                return .wait(task, storeAs: state.generation)
            }
        }
        switch lookup {
        case .known(let keys):
            return keys
        case .wait(let task, let generation):
            let keys = await task.value
            if let generation { store(keys, for: userID, generation: generation) }
            return keys
        }
    }

    private func load(userID: String, token: String) async -> Set<String>? {
        do {
            return try await fetch(token)
        } catch {
            logger.warning(
                "could not read which integrations a user connected: \(error)", metadata: ["user": "\(userID)"])
            return nil
        }
    }

    /// Keeps what the fetch of `generation` found, unless the user was forgotten meanwhile.
    private func store(_ keys: Set<String>?, for userID: String, generation: UInt64) {
        let expires = ContinuousClock.now + (keys == nil ? retryAfter : ttl)
        state.withLock { state in
            guard case .loading(_, let current)? = state.entries[userID], current == generation else { return }
            state.entries[userID] = .ready(keys, expires: expires)
            guard state.entries.count > capacity else { return }
            let soonest = state.entries.compactMap { user, entry -> (String, ContinuousClock.Instant)? in
                if case .ready(_, let expires) = entry { return (user, expires) }
                return nil
            }.min { $0.1 < $1.1 }
            if let soonest { state.entries[soonest.0] = nil }
        }
    }

    /// Forgets what `userID` had connected (they just connected another), a fetch in flight too.
    package func forget(_ userID: String) {
        state.withLock { _ = $0.entries.removeValue(forKey: userID) }
    }

    /// The keys whose entry says `enabled: true` in a user record's `integrations`.
    package static func connected(in user: JSONValue) -> Set<String> {
        Set(
            (user["integrations"]?.objectValue ?? [:]).compactMap { key, state in
                state["enabled"] == .bool(true) ? key : nil
            })
    }
}
