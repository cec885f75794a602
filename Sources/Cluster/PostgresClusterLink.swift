import Logging
import MCPCore

/// ``ClusterLink`` over the store's events and shared sessions.
package struct PostgresClusterLink: ClusterLink {
    package let events: ClusterEvents
    package let directory: SharedSessionDirectory
    private let logger: Logger

    package init(events: ClusterEvents, directory: SharedSessionDirectory, logger: Logger) {
        self.events = events
        self.directory = directory
        self.logger = logger
    }

    package func integrationConnected(userID: String, elicitationID: String?) async {
        do throws(ClusterError) {
            try await events.publish(.toolsChanged(user: userID))
            if let elicitationID {
                try await events.publish(.elicitationCompleted(user: userID, elicitation: elicitationID))
            }
        } catch {
            logger.error("could not tell the other instances that a user connected an integration: \(error)")
        }
    }

    package func requestCancelled(_ requestID: JSONRPCID, sessionID: String) async {
        do throws(ClusterError) {
            try await events.publish(
                .requestCancelled(session: SharedSessionDirectory.key(sessionID), request: requestID))
        } catch {
            logger.warning("could not tell the other instances that a client cancelled a request: \(error)")
        }
    }

    package var sessions: any SessionDirectory { directory }

    package var storeIsUp: Bool { events.store.isUp }
}
