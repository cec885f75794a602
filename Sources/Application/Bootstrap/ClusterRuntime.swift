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
        let store: ClusterStore
        do throws(ClusterError) {
            store = try ClusterStore(url: url, logger: logger, metrics: metrics)
        } catch {
            throw .cluster(error)
        }
        do throws(ClusterError) {
            try await store.start(timeout: startTimeout)
        } catch {
            store.stop()
            throw .cluster(error)
        }
        self.store = store
        events = ClusterEvents(store: store, logger: logger, metrics: metrics)
        ledger = SharedRequestStateLedger(store: store)
        link = PostgresClusterLink(events: events, logger: logger)
        logger.notice("cluster mode: sharing state through PostgreSQL at \(store.display)")
    }

    /// Starts handing the other instances' events to `server`; returns once the store listens
    /// (events published from then on reach it), or after 10 s when it does not yet (it goes on
    /// trying in the background).
    package func attach(to server: MCPServer) async {
        let events = self.events
        let (listened, signal) = AsyncStream<Void>.makeStream()
        self.listening.withLock { task in
            task = Task {
                await events.listen(listening: { signal.yield() }) { event in
                    switch event {
                    case .toolsChanged(let user): server.peerToolListChanged(userID: user)
                    }
                }
            }
        }
        _ = try? await withDeadline(.seconds(10)) {
            var iterator = listened.makeAsyncIterator()
            return await iterator.next() != nil
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
