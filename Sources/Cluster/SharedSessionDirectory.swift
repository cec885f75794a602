import Crypto
import Foundation
import JSONCore
import Logging
import MCPCore
import PostgresNIO
import Synchronization

/// The ``SessionDirectory`` of cluster mode: a row per open session in
/// `paragon_mcp_sessions`, and HTTP+SSE messages on their way in `paragon_mcp_session_messages`
/// (see ``ClusterSchema``).
///
/// Round trips: one when a session opens, one when another instance first serves it, one per
/// DELETE or relayed message, and one per beat (``beatInterval``) for everything else: the beat
/// moves `last_seen` of the sessions this instance used since the last one, and deletes the rows
/// no instance used for their idle timeout plus the longest beat of the running instances (a
/// used session's `last_seen` lags its last use by less than a beat, so none ends early); see
/// ``beat(usedIDs:heldIDs:)``.
package final class SharedSessionDirectory: SessionDirectory {
    private let store: ClusterStore
    private let events: ClusterEvents
    private let logger: Logger
    /// How long a session may go unused by every instance before it ends.
    package let idleTimeout: Duration
    /// How often the beat runs: a quarter of the idle timeout, between 250 ms and 30 s.
    package let beatInterval: Duration
    private let upkeep = Mutex(SessionUpkeep())
    /// When a beat last failed: rows are not expired in the idle timeout after it.
    private let lastFailure = Mutex<ContinuousClock.Instant?>(nil)
    /// Sessions this instance heard ended, by key, and when (see ``tombstoneLifetime``).
    private let recentlyEnded = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Whether sessions may be ended as unused: not in the idle timeout after a beat of this
    /// instance failed (the store was away; another instance's marks of use may still be on
    /// their way, and the instances' own marks of life are stale).
    private var expiring: Bool {
        lastFailure.withLock { last in last.map { .now - $0 > idleTimeout + beatInterval } ?? true }
    }

    /// Whether ends the store missed wait for a beat: the caller beats every second meanwhile,
    /// so that they apply soon after the store returns.
    package var hasPendingEnds: Bool { upkeep.withLock { $0.hasPendingEnds } }

    package init(store: ClusterStore, events: ClusterEvents, idleTimeout: Duration, logger: Logger) {
        self.store = store
        self.events = events
        self.logger = logger
        self.idleTimeout = idleTimeout
        beatInterval = Self.beatInterval(forIdleTimeout: idleTimeout)
    }

    /// The row key of session `id`: the SHA-256 of its bytes, 64 lowercase hex digits.
    package static func key(_ id: String) -> String {
        SHA256.hash(data: Array(id.utf8)).hexDigits
    }

    /// A quarter of `idleTimeout`, between 250 ms and 30 s.
    package static func beatInterval(forIdleTimeout idleTimeout: Duration) -> Duration {
        min(max(idleTimeout / 4, .milliseconds(250)), .seconds(30))
    }

    /// This instance's beat, in seconds: a row expires after its idle timeout plus the longest
    /// beat of the running instances (this one's at least).
    private var beatSeconds: Double { beatInterval.inSeconds }

    package func opened(_ id: String, _ record: SessionRecord) async throws(SessionDirectoryError) {
        let key = Self.key(id), user = record.userID, transport = record.transport.rawValue
        let negotiated = String(decoding: record.negotiated.encoded(), as: UTF8.self)
        let instance = store.instanceID, idle = idleTimeout.inSeconds
        do {
            _ = try await store.roundTrip("open_session") { client in
                try await client.query(
                    """
                    INSERT INTO paragon_mcp_sessions (key, user_id, transport, negotiated, instance, idle_seconds)
                    VALUES (\(key), \(user), \(transport), \(negotiated), \(instance), \(idle))
                    """)
            }
        } catch {
            throw .unavailable(reason: "\(error)")
        }
    }

    package func resolve(_ id: String) async throws(SessionDirectoryError) -> SessionRecord? {
        let key = Self.key(id), beat = beatSeconds, liveness = Double(ClusterStore.instanceLiveness)
        let expire = expiring
        let row: (String, String, String)?
        do {
            row = try await store.roundTrip("resolve_session") { client in
                let rows = try await client.query(
                    """
                    WITH margin AS (
                        SELECT greatest(max(beat_seconds), \(beat)) AS beat FROM paragon_mcp_instances
                        WHERE seen_at > now() - make_interval(secs => \(liveness)))
                    UPDATE paragon_mcp_sessions SET last_seen = now()
                    WHERE key = \(key) AND transport = 'streamable-http'
                        AND (NOT \(expire)
                            OR last_seen > now() - make_interval(secs => idle_seconds + (SELECT beat FROM margin)))
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

    package func end(_ id: String, userID: String, deferring: Bool) async -> SessionEnding {
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
            if ended {
                events.published(event)
                noteEnded([key])
            }
            return ended ? .ended : .unknown
        } catch {
            guard deferring else { return .unavailable }
            upkeep.withLock { $0.ending(key: key, userID: userID) }
            noteEnded([key])
            logger.warning(
                "a session deleted while the cluster store is down ends on the other instances once it answers")
            return .deferred
        }
    }

    package func relay(_ body: [UInt8], to id: String, userID: String) async throws(SessionDirectoryError) -> Bool {
        let key = Self.key(id), text = String(decoding: body, as: UTF8.self)
        let channel = ClusterEvents.channel, me = store.instanceID, expire = expiring
        let relayed: ClusterEvent?
        do {
            // Stored for the stream's instance and announced to it in one statement, only when the
            // session is that user's legacy session (the payload is ClusterEvents' encoding).
            relayed = try await store.roundTrip("relay_session_message") { client in
                let rows = try await client.query(
                    """
                    WITH session AS (
                        SELECT sessions.instance FROM paragon_mcp_sessions sessions
                        JOIN paragon_mcp_instances instances ON instances.instance = sessions.instance
                        WHERE key = \(key) AND user_id = \(userID) AND transport = 'sse'
                            AND (NOT \(expire)
                                OR instances.seen_at > now() - make_interval(secs => 3 * instances.beat_seconds + 2))),
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

    /// One beat, one round trip:
    /// - `usedIDs` (sessions used here since the last beat, or busy) are marked used now, and this
    ///   instance as running (see ``ClusterStore/join(keyFingerprint:beatSeconds:timeout:)``);
    /// - rows unused everywhere for their idle timeout plus the longest beat are deleted, and the
    ///   HTTP+SSE sessions of instances that missed three beats (neither in the first idle timeout
    ///   after this instance found the store back: the others' marks may still be on their way),
    ///   and ends missed while the store was down applied;
    /// - relayed messages no instance took in five minutes are deleted.
    ///
    /// Returns the keys of sessions that are over: those this beat ended (announced to the other
    /// instances here) and those of `heldIDs` (every session held here) the store no longer has
    /// (ended elsewhere, their announcement missed). The caller drops its copies of them.
    package func beat(usedIDs: [String], heldIDs: [String]) async -> Set<String> {
        let batch = upkeep.withLock { upkeep in
            upkeep.used(usedIDs.map(Self.key))
            return upkeep.take()
        }
        let held = heldIDs.map(Self.key)
        let used = batch.used, endKeys = batch.ends.map(\.key), endUsers = batch.ends.map(\.userID)
        let beat = beatSeconds, me = store.instanceID, liveness = Double(ClusterStore.instanceLiveness)
        let expire = expiring
        let rows: [(key: String, ended: Bool)]
        do {
            rows = try await store.roundTrip("session_beat") { client in
                let rows = try await client.query(
                    """
                    WITH margin AS (
                        SELECT greatest(max(beat_seconds), \(beat)) AS beat FROM paragon_mcp_instances
                        WHERE seen_at > now() - make_interval(secs => \(liveness))),
                    touched AS (
                        UPDATE paragon_mcp_sessions SET last_seen = now() WHERE key = ANY(\(used))),
                    present AS (
                        SELECT key FROM paragon_mcp_sessions WHERE key = ANY(\(held))),
                    alive AS (
                        UPDATE paragon_mcp_instances SET seen_at = now() WHERE instance = \(me)),
                    gone AS (
                        DELETE FROM paragon_mcp_instances WHERE seen_at < now() - interval '1 day'),
                    stale AS (
                        DELETE FROM paragon_mcp_session_messages WHERE created_at < now() - interval '5 minutes'),
                    ended AS (
                        DELETE FROM paragon_mcp_sessions
                        WHERE (key, user_id) IN (SELECT * FROM unnest(\(endKeys)::text[], \(endUsers)::text[]))
                            OR (\(expire) AND key <> ALL(\(used))
                                AND last_seen < now() - make_interval(secs => idle_seconds + (SELECT beat FROM margin)))
                            OR (\(expire) AND transport = 'sse' AND instance <> \(me) AND instance NOT IN (
                                SELECT instance FROM paragon_mcp_instances
                                WHERE seen_at > now() - make_interval(secs => 3 * beat_seconds + 2)))
                        RETURNING key)
                    SELECT key, true FROM ended UNION ALL SELECT key, false FROM present
                    """)
                var found: [(key: String, ended: Bool)] = []
                for try await (key, ended) in rows.decode((String, Bool).self) { found.append((key, ended)) }
                return found
            }
        } catch {
            upkeep.withLock { $0.failed(batch) }
            lastFailure.withLock { $0 = .now }
            return []
        }
        let ended = rows.filter(\.ended).map(\.key)
        let present = Set(rows.filter { !$0.ended }.map(\.key))
        noteEnded(ended)
        for start in stride(from: 0, to: ended.count, by: ClusterEvents.maxKeysPerEvent) {
            let keys = Array(ended[start..<min(start + ClusterEvents.maxKeysPerEvent, ended.count)])
            do throws(ClusterError) {
                try await events.publish(.sessionsEnded(keys: keys))
            } catch {
                logger.warning(
                    "ended sessions could not be announced; other instances drop their copies at their next beat")
            }
        }
        return Set(ended).union(held.filter { !present.contains($0) })
    }

    /// Takes (deletes) the relayed messages for this instance older than a second (their
    /// `NOTIFY` was missed, or is late), oldest first: the key of each one's session and its body.
    /// Empty when the store fails.
    package func takeLeftOverMessages() async -> [(key: String, body: [UInt8])] {
        let me = store.instanceID
        let taken = try? await store.roundTrip("take_session_messages") { client in
            let rows = try await client.query(
                """
                DELETE FROM paragon_mcp_session_messages
                WHERE instance = \(me) AND created_at < now() - interval '1 second'
                RETURNING id, key, body
                """)
            var found: [(Int64, String, String)] = []
            for try await row in rows.decode((Int64, String, String).self) { found.append(row) }
            return found
        }
        return (taken ?? []).sorted { $0.0 < $1.0 }.map { ($0.1, Array($0.2.utf8)) }
    }

    // MARK: Ends heard of

    /// Notes sessions that ended (keys): a takeover racing with their end finds them here.
    package func noteEnded(_ keys: some Sequence<String>) {
        let now = ContinuousClock.now, keep = tombstoneLifetime
        recentlyEnded.withLock { ended in
            for key in keys { ended[key] = now }
            if ended.count > 1024 { ended = ended.filter { now - $0.value < keep } }
        }
    }

    /// How long an end heard of is kept: a takeover reads a record within two round-trip
    /// timeouts, and a copy missed meanwhile goes at the next beat.
    private var tombstoneLifetime: Duration { store.roundTripTimeout * 2 + beatInterval }

    package func hasEnded(_ id: String) -> Bool {
        let key = Self.key(id), keep = tombstoneLifetime
        return recentlyEnded.withLock { ended in
            guard let when = ended[key] else { return false }
            return ContinuousClock.now - when < keep
        }
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    package var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
