import AsyncHTTPClient
import JSONCore
import Logging
import NIOCore
import Synchronization

/// Which integrations each user has connected, for search mode's answers: Paragon's user record
/// (`GET {zeus}/projects/{id}/sdk/me`, what the Connect SDK's `getUser()` reads: `integrations`,
/// each key with `enabled`), asked with the user's token, kept for `ttl`, forgotten when the user
/// connects one through a setup link. Unknown (nil) when Paragon does not answer.
package final class ConnectedIntegrations: Sendable {
    /// Fetches a user's connected integration keys with their token.
    package typealias Fetch = @Sendable (_ token: String) async throws -> Set<String>

    private struct Entry {
        var keys: Set<String>
        var expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let fetch: Fetch
    private let ttl: Duration
    /// Users kept at most; the entry closest to expiry goes first.
    private let capacity: Int
    private let logger: Logger

    package init(ttl: Duration = .seconds(30), capacity: Int = 10_000, logger: Logger, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.ttl = ttl
        self.capacity = max(capacity, 1)
        self.logger = logger
    }

    /// Asks Zeus with `client`.
    package convenience init(zeusURL: String, projectID: String, client: HTTPClient, logger: Logger) {
        self.init(logger: logger) { token in
            var request = HTTPClientRequest(url: "\(zeusURL)/projects/\(projectID)/sdk/me")
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            let response = try await client.execute(request, timeout: .seconds(2))
            let body = try await response.body.collect(upTo: 4 << 20)
            guard response.status.code / 100 == 2 else { throw Unavailable(status: Int(response.status.code)) }
            return Self.connected(in: try JSONValue.parse(body.readableBytesView))
        }
    }

    package struct Unavailable: Error {
        package var status: Int
    }

    /// The keys `userID` has connected; nil when they cannot be had just now (logged).
    package func keys(userID: String, token: String) async -> Set<String>? {
        let now = ContinuousClock.now
        if let kept = entries.withLock({ $0[userID] }), kept.expires > now { return kept.keys }
        do {
            let keys = try await fetch(token)
            entries.withLock { entries in
                entries[userID] = Entry(keys: keys, expires: .now + ttl)
                if entries.count > capacity, let first = entries.min(by: { $0.value.expires < $1.value.expires }) {
                    entries[first.key] = nil
                }
            }
            return keys
        } catch {
            logger.warning(
                "could not read which integrations a user connected: \(error)", metadata: ["user": "\(userID)"])
            return nil
        }
    }

    /// Forgets what `userID` had connected (they just connected another).
    package func forget(_ userID: String) {
        entries.withLock { _ = $0.removeValue(forKey: userID) }
    }

    /// The keys whose entry says `enabled: true` in a user record's `integrations`.
    package static func connected(in user: JSONValue) -> Set<String> {
        Set(
            (user["integrations"]?.objectValue ?? [:]).compactMap { key, state in
                state["enabled"] == .bool(true) ? key : nil
            })
    }
}
