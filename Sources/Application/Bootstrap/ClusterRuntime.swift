import Cluster
import Logging
import MCPCore
import Observability
import Serving
import Synchronization

/// Cluster mode at run time: the store, connected and migrated, and the task that hands the
/// other instances' events to the server. Made before the server (its ledger and link are the
/// server's), attached once the server exists, stopped at shutdown.
package final class ClusterRuntime: Sendable {
    package let store: ClusterStore
    package let events: ClusterEvents
    package let ledger: SharedRequestStateLedger
    package let link: PostgresClusterLink
    private let listening = Mutex<Task<Void, Never>?>(nil)

    /// Connects to `url` and migrates the schema, within `startTimeout`.
    /// - Throws: ``BootstrapError/cluster(_:)`` naming the store when it cannot be used.
    package init(
        url: String, logger: Logger, metrics: ServerMetrics, startTimeout: Duration = .seconds(10)
    ) async throws(BootstrapError) {
        do throws(ClusterError) {
            store = try ClusterStore(url: url, logger: logger, metrics: metrics)
            try await store.start(timeout: startTimeout)
        } catch {
            throw .cluster(error)
        }
        events = ClusterEvents(store: store, logger: logger, metrics: metrics)
        ledger = SharedRequestStateLedger(store: store)
        link = PostgresClusterLink(events: events, logger: logger)
        logger.notice("cluster mode: sharing state through PostgreSQL at \(store.display)")
    }

    /// Starts handing the other instances' events to `server`.
    package func attach(to server: MCPServer) {
        let events = self.events
        listening.withLock { task in
            task = Task {
                await events.listen { event in
                    switch event {
                    case .toolsChanged(let user): server.peerToolListChanged(userID: user)
                    }
                }
            }
        }
    }

    /// Stops listening and closes the store's connections.
    package func stop() {
        listening.withLock { task in
            task?.cancel()
            task = nil
        }
        store.stop()
    }
}
