import Foundation
import JSONCore
import Logging
import MCPCore
import Observability
import PostgresNIO

/// What one instance tells the others, over PostgreSQL's `LISTEN`/`NOTIFY` on
/// ``ClusterEvents/channel`` (a JSON payload: `{"instance", "kind", ...}`, under PostgreSQL's
/// 8,000-byte limit on a payload).
package enum ClusterEvent: Sendable, Equatable {
    /// `user`'s tool list changed (they connected an integration through a setup link): every
    /// instance refreshes it and notifies the user's open streams.
    case toolsChanged(user: String)
    /// The sessions of these keys (see ``SharedSessionDirectory/key(_:)``) ended: every instance
    /// drops its copies. At most ``ClusterEvents/maxKeysPerEvent`` keys.
    case sessionsEnded(keys: [String])
    /// `user` finished URL elicitation `elicitation` (MCP 2025-11-25): every instance notifies
    /// the user's sessions whose client declared URL elicitation.
    case elicitationCompleted(user: String, elicitation: String)
    /// A client message of a legacy HTTP+SSE session waits for instance `target`, which holds
    /// the session's stream, in `paragon_mcp_session_messages` (row `message`).
    case sessionMessage(target: String, message: Int64)
    /// The client of the session of key `session` cancelled request `request`: the instance
    /// running it cancels it.
    case requestCancelled(session: String, request: JSONRPCID)
}

/// Publishes ``ClusterEvent``s and hands the other instances' to a handler, keeping one pooled
/// connection listening and listening again after the store comes back.
package struct ClusterEvents: Sendable {
    /// The `LISTEN`/`NOTIFY` channel.
    package static let channel = "paragon_mcp_events"
    /// Keys per ``ClusterEvent/sessionsEnded(keys:)``: 64 hex digits each, 100 keep the payload
    /// under 8,000 bytes.
    package static let maxKeysPerEvent = 100
    package let store: ClusterStore
    private let logger: Logger
    private let metrics: ServerMetrics?

    package init(store: ClusterStore, logger: Logger, metrics: ServerMetrics? = nil) {
        self.store = store
        self.logger = logger
        self.metrics = metrics
    }

    /// Tells every other instance. - Throws: ``ClusterError/storeFailed(operation:reason:)``.
    package func publish(_ event: ClusterEvent) async throws(ClusterError) {
        let payload = self.payload(event)
        _ = try await store.roundTrip("publish_event") { client in
            try await client.query("SELECT pg_notify(\(Self.channel), \(payload))")
        }
        published(event)
    }

    /// `event`'s `NOTIFY` payload, for a statement that publishes it itself.
    package func payload(_ event: ClusterEvent) -> String {
        String(decoding: Self.encode(event, instance: store.instanceID).encoded(), as: UTF8.self)
    }

    /// Counts an event published.
    package func published(_ event: ClusterEvent) {
        metrics?.clusterEvents["published", Self.kind(event)].increment()
    }

    /// Hands each event another instance publishes to `handle`, until the task is cancelled;
    /// after a lost connection it listens again (events published meanwhile are not delivered:
    /// the caller makes up for what it must). `listening` is called each time the `LISTEN` is in
    /// place (events published from then on arrive), with whether it listened before (so events
    /// may have been missed).
    package func listen(
        listening: @escaping @Sendable (_ again: Bool) -> Void = { _ in },
        _ handle: @escaping @Sendable (ClusterEvent) async -> Void
    ) async {
        var pause = Duration.seconds(1)
        var lost = false, listenedBefore = false
        while !Task.isCancelled {
            do {
                try await store.client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        if lost { logger.notice("cluster events: listening on \(store.display) again") }
                        lost = false
                        listening(listenedBefore)
                        listenedBefore = true
                        pause = .seconds(1)
                        for try await notification in notifications {
                            guard let (event, instance) = Self.decode(notification.payload),
                                instance != store.instanceID
                            else { continue }
                            metrics?.clusterEvents["received", Self.kind(event)].increment()
                            await handle(event)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning(
                    "cluster events: listening on \(store.display) stopped: \(StoreFailure.explain(error)); trying again"
                )
                lost = true
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(30))
        }
    }

    static func encode(_ event: ClusterEvent, instance: String) -> JSONValue {
        var object: [String: JSONValue] = ["instance": .string(instance), "kind": .string(kind(event))]
        switch event {
        case .toolsChanged(let user):
            object["user"] = .string(user)
        case .sessionsEnded(let keys):
            object["keys"] = .array(keys.map { .string($0) })
        case .elicitationCompleted(let user, let elicitation):
            object["user"] = .string(user)
            object["elicitation"] = .string(elicitation)
        case .sessionMessage(let target, let message):
            object["target"] = .string(target)
            object["message"] = .integer(Int(message))
        case .requestCancelled(let session, let request):
            object["session"] = .string(session)
            object["request"] = request.json
        }
        return .object(object)
    }

    /// The event and its publisher; nil for a payload this version does not know (a newer
    /// instance's event: ignored).
    static func decode(_ payload: String) -> (ClusterEvent, instance: String)? {
        guard let value = try? JSONValue.parse(Array(payload.utf8)), let instance = value["instance"]?.stringValue
        else { return nil }
        let user = value["user"]?.stringValue
        switch value["kind"]?.stringValue {
        case "tools_changed":
            guard let user else { return nil }
            return (.toolsChanged(user: user), instance)
        case "sessions_ended":
            guard let keys = value["keys"]?.arrayValue?.compactMap(\.stringValue) else { return nil }
            return (.sessionsEnded(keys: keys), instance)
        case "elicitation_completed":
            guard let user, let elicitation = value["elicitation"]?.stringValue else { return nil }
            return (.elicitationCompleted(user: user, elicitation: elicitation), instance)
        case "session_message":
            guard let target = value["target"]?.stringValue, case .integer(let message) = value["message"] else {
                return nil
            }
            return (.sessionMessage(target: target, message: Int64(message)), instance)
        case "request_cancelled":
            guard let session = value["session"]?.stringValue, let request = value["request"].flatMap(JSONRPCID.init)
            else { return nil }
            return (.requestCancelled(session: session, request: request), instance)
        default:
            return nil
        }
    }

    private static func kind(_ event: ClusterEvent) -> String {
        switch event {
        case .toolsChanged: "tools_changed"
        case .sessionsEnded: "sessions_ended"
        case .elicitationCompleted: "elicitation_completed"
        case .sessionMessage: "session_message"
        case .requestCancelled: "request_cancelled"
        }
    }
}
