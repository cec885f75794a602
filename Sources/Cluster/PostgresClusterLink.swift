import Logging
import MCPCore

/// ``ClusterLink`` over the store's events.
package struct PostgresClusterLink: ClusterLink {
    package let events: ClusterEvents
    private let logger: Logger

    package init(events: ClusterEvents, logger: Logger) {
        self.events = events
        self.logger = logger
    }

    package func toolListChanged(userID: String) async {
        do throws(ClusterError) {
            try await events.publish(.toolsChanged(user: userID))
        } catch {
            logger.error("could not tell the other instances that a user's tools changed: \(error)")
        }
    }

    package var storeIsUp: Bool { events.store.isUp }
}
