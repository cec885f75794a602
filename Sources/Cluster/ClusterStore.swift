import Crypto
import Foundation
import Logging
import Observability
import PostgresNIO
import Synchronization

/// The PostgreSQL database of cluster mode: a pooled client (PostgresNIO), the schema it
/// migrates at start, and every round trip counted and timed. Its health is what the last
/// round trip found: `/readyz` shows it, and requests that need the store are refused while it
/// is down, until a round trip succeeds again (the pool reconnects by itself).
package final class ClusterStore: Sendable {
    package let client: PostgresClient
    /// `host:port/database` (no password), for messages.
    package let display: String
    /// This instance's id in the events it publishes (so it skips its own).
    package let instanceID: String
    private let logger: Logger
    private let metrics: ServerMetrics?
    private let up = Atomic<Bool>(false)
    /// How long one round trip may take (waiting for a connection included) before it fails:
    /// a lost store fails requests quickly instead of holding them.
    package let roundTripTimeout: Duration
    private let running = Mutex<Task<Void, Never>?>(nil)
    /// One connection's configuration, for the start's probe.
    private let probe: PostgresConnection.Configuration
    /// When a round trip last tried the store while it was down.
    private let lastProbe = Mutex<ContinuousClock.Instant?>(nil)

    /// A store for `url`; nothing is connected until ``start(timeout:)``.
    /// - Throws: ``ClusterError/invalidURL(reason:)``.
    package init(
        url: String, logger: Logger, metrics: ServerMetrics? = nil, roundTripTimeout: Duration = .seconds(2)
    ) throws(ClusterError) {
        let parsed = try DatabaseURL(url)
        probe = parsed.connection
        var configuration = parsed.configuration
        configuration.options.maximumConnections = 8
        // The pool logs each failed connection attempt; the store logs the state changes.
        var background = logger
        background.logLevel = max(logger.logLevel, .warning)
        client = PostgresClient(configuration: configuration, backgroundLogger: background)
        self.roundTripTimeout = roundTripTimeout
        display = parsed.display
        instanceID = UUID().uuidString.lowercased()
        self.logger = logger
        self.metrics = metrics
    }

    /// Whether the last round trip succeeded.
    package var isUp: Bool { up.load(ordering: .acquiring) }

    /// Runs the client's pool, connects and migrates the schema to ``ClusterSchema/current``.
    /// - Throws: ``ClusterError/unreachable(store:reason:)`` when the store does not answer
    ///   within `timeout`; ``ClusterError/migrationFailed(store:version:reason:)``.
    package func start(timeout: Duration = .seconds(10)) async throws(ClusterError) {
        running.withLock { task in
            if task == nil { task = Task { await self.client.run() } }
        }
        do {
            // One connection first, whose failure says why (the pool retries silently).
            try await withDeadline(timeout) {
                let connection = try await PostgresConnection.connect(
                    configuration: self.probe, id: 0, logger: self.logger)
                try await connection.close()
            }
            try await withDeadline(timeout) { try await self.migrate() }
        } catch let error as ClusterError {
            throw error
        } catch {
            throw .unreachable(store: display, reason: StoreFailure.explain(error))
        }
    }

    /// How long an instance that stopped beating still counts as running, for the signing-key
    /// check: four beats at the longest.
    package static let instanceLiveness = 120

    /// The fingerprint of `signingKeyDER` and `mode` (`production`, `development`) that
    /// instances compare: 64 hex digits.
    package static func keyFingerprint(_ signingKeyDER: [UInt8], mode: String) -> String {
        SHA256.hash(data: Array("paragon-mcp cluster signing key \(mode) ".utf8) + signingKeyDER).hexDigits
    }

    /// Records this instance as running with `keyFingerprint`, beating every `beatSeconds`,
    /// unless an instance seen within ``instanceLiveness`` seconds has another fingerprint; part
    /// of the start, so it may take `timeout`.
    /// - Throws: ``ClusterError/signingKeyDiffers(store:secondsAgo:)``,
    ///   ``ClusterError/storeFailed(operation:reason:)``.
    package func join(
        keyFingerprint: String, beatSeconds: Double, timeout: Duration = .seconds(10)
    ) async throws(ClusterError) {
        let me = instanceID, liveness = Self.instanceLiveness
        // Under a transaction-level advisory lock: two instances with different keys starting
        // together would each pass a check that reads only what committed before it.
        let logger = self.logger
        let differing: Int? = try await roundTrip("join", timeout: timeout) { client in
            try await client.withConnection { connection in
                try await Self.inLockedTransaction(connection, lock: Self.joinLock, logger: logger) {
                    try await Self.join(
                        connection, instance: me, keyFingerprint: keyFingerprint, beatSeconds: beatSeconds,
                        liveness: liveness, logger: logger)
                }
            }
        }
        if let differing { throw .signingKeyDiffers(store: display, secondsAgo: differing) }
    }

    /// The join's statement: how long ago the most recently seen instance with another key was
    /// seen (nil: none within `liveness` seconds, and this instance is recorded).
    private static func join(
        _ connection: PostgresConnection, instance me: String, keyFingerprint: String, beatSeconds: Double,
        liveness: Int, logger: Logger
    ) async throws -> Int? {
        let rows = try await connection.query(
            """
            WITH other AS (
                SELECT min(extract(epoch FROM now() - seen_at))::int AS ago FROM paragon_mcp_instances
                WHERE key_fingerprint <> \(keyFingerprint) AND instance <> \(me)
                    AND seen_at > now() - make_interval(secs => \(liveness))),
            joined AS (
                INSERT INTO paragon_mcp_instances (instance, key_fingerprint, beat_seconds)
                SELECT \(me), \(keyFingerprint), \(beatSeconds) WHERE (SELECT ago FROM other) IS NULL
                ON CONFLICT (instance) DO UPDATE SET key_fingerprint = excluded.key_fingerprint, seen_at = now())
            SELECT ago FROM other
            """, logger: logger)
        var ago: Int?
        for try await value in rows.decode(Int?.self) { ago = value }
        return ago
    }

    /// Removes this instance from the running ones (a clean stop); a failure is ignored (the
    /// row stops counting after ``instanceLiveness`` seconds).
    package func leave() async {
        let me = instanceID
        _ = try? await roundTrip("leave") { client in
            try await client.query("DELETE FROM paragon_mcp_instances WHERE instance = \(me)")
        }
    }

    /// Stops the pool (its connections close).
    package func stop() {
        running.withLock { task in
            task?.cancel()
            task = nil
        }
    }

    /// The transaction-level advisory locks under which instances starting together take turns.
    private static let migrationLock: Int64 = 7_261_001
    private static let joinLock: Int64 = 7_261_002

    /// Runs `body` in one transaction on `connection` holding advisory lock `lock` (another
    /// connection asking for it waits until the transaction ends); rolls back when `body` throws.
    private static func inLockedTransaction<Value>(
        _ connection: PostgresConnection, lock: Int64, logger: Logger, _ body: () async throws -> Value
    ) async throws -> Value {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(lock))", logger: logger)
            let value = try await body()
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Creates or migrates the schema in one transaction, under an advisory lock, so that
    /// instances starting together migrate once.
    private func migrate() async throws {
        let logger = self.logger, display = self.display
        try await client.withConnection { connection in
            try await Self.inLockedTransaction(connection, lock: Self.migrationLock, logger: logger) {
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS paragon_mcp_schema (
                        version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var applied = 0
                for try await version in try await connection.query(
                    "SELECT coalesce(max(version), 0) FROM paragon_mcp_schema", logger: logger
                ).decode(Int.self) {
                    applied = version
                }
                for migration in ClusterSchema.migrations where migration.version > applied {
                    do {
                        for statement in migration.statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO paragon_mcp_schema (version) VALUES (\(migration.version))", logger: logger)
                    } catch {
                        throw ClusterError.migrationFailed(
                            store: display, version: migration.version, reason: StoreFailure.explain(error))
                    }
                    logger.notice("cluster store \(display) migrated to schema version \(migration.version)")
                }
            }
        }
        markUp(true)
    }

    /// Runs one round trip of `operation` within ``roundTripTimeout``, counted, timed and
    /// reflected in the store's health. While the store is down, one round trip a second goes
    /// through (to find it back) and the others fail at once (`outcome="down"`), so requests that
    /// need it are refused without waiting for the deadline. An error PostgreSQL answered (a
    /// constraint, a missing table) fails that round trip only: the store is up.
    /// - Throws: ``ClusterError/storeFailed(operation:reason:)`` (logged, except fast failures).
    package func roundTrip<Value: Sendable>(
        _ operation: String, timeout: Duration? = nil,
        _ body: @escaping @Sendable (PostgresClient) async throws -> Value
    ) async throws(ClusterError) -> Value {
        guard isUp || probeIsDue() else {
            metrics?.storeRoundTrips[operation, "down"].increment()
            throw .storeFailed(operation: operation, reason: "the store did not answer its last round trip")
        }
        let started = ContinuousClock.now
        do {
            let client = self.client
            let value = try await withDeadline(timeout ?? roundTripTimeout) { try await body(client) }
            metrics?.storeRoundTrips[operation, "ok"].increment()
            metrics?.storeRoundTripDurations[operation].record(.now - started)
            markUp(true)
            return value
        } catch {
            // The caller went away: not the store's failure.
            if Task.isCancelled || error is CancellationError {
                throw .storeFailed(operation: operation, reason: "cancelled")
            }
            metrics?.storeRoundTrips[operation, "error"].increment()
            let answered = (error as? PSQLError)?.code == .server
            markUp(answered)
            let reason = StoreFailure.explain(error)
            logger.error("cluster store \(display) failed (\(operation)): \(reason)")
            throw .storeFailed(operation: operation, reason: reason)
        }
    }

    /// Whether a round trip may try the store while it is down: once a second.
    private func probeIsDue() -> Bool {
        let now = ContinuousClock.now
        return lastProbe.withLock { last in
            if let last, now - last < .seconds(1) { return false }
            last = now
            return true
        }
    }

    private func markUp(_ value: Bool) {
        let was = up.exchange(value, ordering: .acquiringAndReleasing)
        metrics?.storeUp.set(Int64(value ? 1 : 0))
        if was != value {
            if value {
                logger.notice("cluster store \(display) answers")
            } else {
                logger.error("cluster store \(display) does not answer; refusing what needs it until it returns")
            }
        }
    }
}

/// `body`'s value, or ``DeadlinePassed`` once `timeout` has passed, whichever comes first: the
/// caller returns at the deadline even when `body` ignores cancellation (a query already sent
/// waits for its answer); `body` is cancelled then and finishes on its own.
package func withDeadline<Value: Sendable>(
    _ timeout: Duration, _ body: @escaping @Sendable () async throws -> Value
) async throws -> Value {
    let work = Task { try await body() }
    let once = Once()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            @Sendable func finish(_ result: Result<Value, any Error>) -> Bool {
                let first = once.claim()
                if first { continuation.resume(with: result) }
                return first
            }
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if finish(.failure(DeadlinePassed(after: timeout))) { work.cancel() }
            }
            Task {
                // The timer is not left sleeping once the work is done.
                if finish(await work.result) { timer.cancel() }
            }
        }
    } onCancel: {
        work.cancel()
    }
}

/// True for the first ``claim()`` only.
private final class Once: Sendable {
    private let done = Atomic<Bool>(false)

    func claim() -> Bool {
        done.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }
}

/// No answer within the time given.
package struct DeadlinePassed: Error, CustomStringConvertible {
    package var after: Duration
    package var description: String { "no answer within \(after)" }
}
