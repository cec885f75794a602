import Crypto
import Foundation
import JSONCore
import Logging
import MCPCore
import PostgresNIO
import Synchronization

/// The ``SessionDirectory`` of cluster mode: a row per open session in
/// `paragon_mcp_sessions` (schema version 2, see ``ClusterSchema``).
///
/// Round trips: one when a session opens, one when another instance first serves it, one per
/// DELETE, and one per beat (``beatInterval``) for everything else: the beat moves `last_seen`
/// of the sessions this instance used since the last one, deletes the rows no instance used for
/// the idle timeout plus a beat (a used session's `last_seen` lags its last use by less than a
/// beat, so none ends early), and applies ends the store missed while it was down.
package final class SharedSessionDirectory: SessionDirectory {
    private let store: ClusterStore
    private let events: ClusterEvents
    private let logger: Logger
    /// How long a session may go unused by every instance before it ends.
    package let idleTimeout: Duration
    /// How often the beat runs: a quarter of the idle timeout, between 250 ms and 30 s.
    package let beatInterval: Duration
    private let upkeep = Mutex(SessionUpkeep())

    /// Whether ends the store missed wait for a beat: the caller beats every second meanwhile,
    /// so that they apply soon after the store returns.
    package var hasPendingEnds: Bool { upkeep.withLock { $0.hasPendingEnds } }

    package init(store: ClusterStore, events: ClusterEvents, idleTimeout: Duration, logger: Logger) {
        self.store = store
        self.events = events
        self.logger = logger
        self.idleTimeout = idleTimeout
        beatInterval = min(max(idleTimeout / 4, .milliseconds(250)), .seconds(30))
    }

    /// The row key of session `id`: the SHA-256 of its bytes, 64 lowercase hex digits.
    package static func key(_ id: String) -> String {
        SHA256.hash(data: Array(id.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Seconds after which an unused row ends (the idle timeout plus a beat).
    private var expirySeconds: Double {
        (idleTimeout + beatInterval).seconds
    }

    package func opened(_ id: String, _ record: SessionRecord) async throws(SessionDirectoryError) {
        let key = Self.key(id), user = record.userID, transport = record.transport.rawValue
        let negotiated = String(decoding: record.negotiated.encoded(), as: UTF8.self)
        let instance = store.instanceID
        do {
            _ = try await store.roundTrip("open_session") { client in
                try await client.query(
                    """
                    INSERT INTO paragon_mcp_sessions (key, user_id, transport, negotiated, instance)
                    VALUES (\(key), \(user), \(transport), \(negotiated), \(instance))
                    """)
            }
        } catch {
            throw .unavailable(reason: "\(error)")
        }
    }

    package func resolve(_ id: String) async throws(SessionDirectoryError) -> SessionRecord? {
        let key = Self.key(id), expiry = expirySeconds
        let row: (String, String, String)?
        do {
            row = try await store.roundTrip("resolve_session") { client in
                let rows = try await client.query(
                    """
                    UPDATE paragon_mcp_sessions SET last_seen = now()
                    WHERE key = \(key) AND last_seen > now() - make_interval(secs => \(expiry))
                    RETURNING user_id, transport, negotiated
                    """)
                var found: (String, String, String)?
                for try await values in rows.decode((String, String, String).self) { found = values }
                return found
            }
        } catch {
            throw .unavailable(reason: "\(error)")
        }
        guard let (user, transport, negotiated) = row else { return nil }
        guard let value = try? JSONValue.parse(Array(negotiated.utf8)),
            let record = SessionRecord(userID: user, transport: transport, negotiated: value)
        else {
            logger.warning("a shared session's record is unreadable (written by another version?); it is not served")
            return nil
        }
        return record
    }

    package func end(_ id: String, userID: String) async -> SessionEnding {
        let key = Self.key(id)
        let event = ClusterEvent.sessionsEnded(keys: [key])
        let payload = events.payload(event), channel = ClusterEvents.channel
        do {
            // Deleted and announced in one statement: the other instances hear of it only if it was open.
            let ended = try await store.roundTrip("end_session") { client in
                let rows = try await client.query(
                    """
                    WITH gone AS (DELETE FROM paragon_mcp_sessions WHERE key = \(key) AND user_id = \(userID) RETURNING 1)
                    SELECT pg_notify(\(channel), \(payload)) FROM gone
                    """)
                var ended = false
                for try await _ in rows { ended = true }
                return ended
            }
            if ended { events.published(event) }
            return ended ? .ended : .unknown
        } catch {
            upkeep.withLock { $0.ending(key: key, userID: userID) }
            logger.warning(
                "a session deleted while the cluster store is down ends on the other instances once it answers")
            return .deferred
        }
    }

    package func relay(_ body: [UInt8], to id: String, userID: String) async throws(SessionDirectoryError) -> Bool {
        let key = Self.key(id), text = String(decoding: body, as: UTF8.self)
        let channel = ClusterEvents.channel, me = store.instanceID
        let relayed: ClusterEvent?
        do {
            // Stored for the stream's instance and announced to it in one statement, only when the
            // session is that user's legacy session (the payload is ClusterEvents' encoding).
            relayed = try await store.roundTrip("relay_session_message") { client in
                let rows = try await client.query(
                    """
                    WITH session AS (
                        SELECT instance FROM paragon_mcp_sessions
                        WHERE key = \(key) AND user_id = \(userID) AND transport = 'sse'),
                    message AS (
                        INSERT INTO paragon_mcp_session_messages (key, instance, body)
                        SELECT \(key), instance, \(text) FROM session RETURNING id, instance)
                    SELECT message.instance, message.id FROM message CROSS JOIN LATERAL (
                        SELECT pg_notify(\(channel), json_build_object(
                            'instance', \(me)::text, 'kind', 'session_message', 'target', message.instance,
                            'message', message.id)::text)) AS notified
                    """)
                var relayed: ClusterEvent?
                for try await (target, message) in rows.decode((String, Int64).self) {
                    relayed = .sessionMessage(target: target, message: message)
                }
                return relayed
            }
        } catch {
            throw .unavailable(reason: "\(error)")
        }
        guard let relayed else { return false }
        events.published(relayed)
        return true
    }

    /// Takes (deletes) relayed message `message` (see ``relay(_:to:userID:)``): the key of its
    /// session and its body; nil when it is gone (taken, or pruned) or the store failed.
    package func takeMessage(_ message: Int64) async -> (key: String, body: [UInt8])? {
        let taken = try? await store.roundTrip("take_session_message") { client in
            let rows = try await client.query(
                "DELETE FROM paragon_mcp_session_messages WHERE id = \(message) RETURNING key, body")
            var found: (String, String)?
            for try await row in rows.decode((String, String).self) { found = row }
            return found
        }
        guard let (key, body) = taken ?? nil else { return nil }
        return (key, Array(body.utf8))
    }

    /// One beat: `usedIDs` (sessions used here since the last beat, or busy) are marked used now;
    /// rows unused everywhere for the idle timeout are deleted, and ends missed while the store
    /// was down applied. Returns the keys of sessions that are over: those this beat ended
    /// (announced to the other instances here) and those of `usedIDs` the store no longer has
    /// (ended elsewhere, their announcement missed while this instance was not listening). The
    /// caller drops its copies of them.
    package func beat(usedIDs: [String]) async -> Set<String> {
        let batch = upkeep.withLock { upkeep in
            upkeep.used(usedIDs.map(Self.key))
            return upkeep.take()
        }
        let used = batch.used, endKeys = batch.ends.map(\.key), endUsers = batch.ends.map(\.userID)
        let expiry = expirySeconds
        let rows: [(key: String, ended: Bool)]
        do {
            rows = try await store.roundTrip("session_beat") { client in
                let rows = try await client.query(
                    """
                    WITH touched AS (
                        UPDATE paragon_mcp_sessions SET last_seen = now() WHERE key = ANY(\(used)) RETURNING key),
                    stale AS (
                        DELETE FROM paragon_mcp_session_messages WHERE created_at < now() - interval '5 minutes'),
                    ended AS (
                        DELETE FROM paragon_mcp_sessions
                        WHERE (key, user_id) IN (SELECT * FROM unnest(\(endKeys)::text[], \(endUsers)::text[]))
                            OR (last_seen < now() - make_interval(secs => \(expiry)) AND key <> ALL(\(used)))
                        RETURNING key)
                    SELECT key, true FROM ended UNION ALL SELECT key, false FROM touched
                    """)
                var found: [(key: String, ended: Bool)] = []
                for try await (key, ended) in rows.decode((String, Bool).self) { found.append((key, ended)) }
                return found
            }
        } catch {
            upkeep.withLock { $0.failed(batch) }
            return []
        }
        let ended = rows.filter(\.ended).map(\.key)
        let touched = Set(rows.filter { !$0.ended }.map(\.key))
        for start in stride(from: 0, to: ended.count, by: ClusterEvents.maxKeysPerEvent) {
            let keys = Array(ended[start..<min(start + ClusterEvents.maxKeysPerEvent, ended.count)])
            do throws(ClusterError) {
                try await events.publish(.sessionsEnded(keys: keys))
            } catch {
                logger.warning(
                    "ended sessions could not be announced; another instance's copy ends at its own beat")
            }
        }
        return Set(ended).union(used.filter { !touched.contains($0) })
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
