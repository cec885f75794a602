import Cluster
import Logging
import MCPCore
import Observability
import Serving
import Settings
import Synchronization

/// Cluster mode at run time: the store, connected and migrated, the task that hands the other
/// instances' events to the server, and the sessions' beat (see ``SharedSessionDirectory``).
/// Made before the server (its ledger and link are the server's), attached once the server
/// exists, stopped at shutdown.
package final class ClusterRuntime: Sendable {
    package let store: ClusterStore
    package let events: ClusterEvents
    package let ledger: SharedRequestStateLedger
    package let directory: SharedSessionDirectory
    package let link: PostgresClusterLink
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// Connects to `url`, migrates the schema and joins the running instances, within
    /// `startTimeout`. Sessions no instance used for `sessionIdleTimeout` end everywhere.
    /// - Throws: ``BootstrapError/cluster(_:)`` naming the store when it cannot be used, or when
    ///   a running instance has a signing key other than `signingKeyDER` (PKCS#1 DER) or another
    ///   `mode`.
    package init(
        url: String, signingKeyDER: [UInt8], mode: ServerMode, sessionIdleTimeout: Duration, logger: Logger,
        metrics: ServerMetrics, startTimeout: Duration = .seconds(10)
    ) async throws(BootstrapError) {
        let store: ClusterStore
        do throws(ClusterError) {
            store = try ClusterStore(url: url, logger: logger, metrics: metrics)
        } catch {
            throw .cluster(error)
        }
        do throws(ClusterError) {
            try await store.start(timeout: startTimeout)
            try await store.join(
                keyFingerprint: ClusterStore.keyFingerprint(signingKeyDER, mode: mode.rawValue),
                beatSeconds: SharedSessionDirectory.beatInterval(forIdleTimeout: sessionIdleTimeout).inSeconds,
                timeout: startTimeout)
        } catch {
            store.stop()
            throw .cluster(error)
        }
        self.store = store
        events = ClusterEvents(store: store, logger: logger, metrics: metrics)
        ledger = SharedRequestStateLedger(store: store)
        directory = SharedSessionDirectory(
            store: store, events: events, idleTimeout: sessionIdleTimeout, logger: logger)
        link = PostgresClusterLink(events: events, directory: directory, logger: logger)
        logger.notice("cluster mode: instance \(store.instanceID) shares state through PostgreSQL at \(store.display)")
    }

    /// Starts handing the other instances' events to `server` and the sessions' beat; returns
    /// once the store listens (events published from then on reach it), or after 10 s when it
    /// does not yet (it goes on trying in the background, and serves meanwhile).
    package func attach(to server: MCPServer) async {
        let (listened, signal) = AsyncStream<Void>.makeStream()
        let listening = listen(for: server) { signal.yield() }
        let beating = beat(for: server)
        tasks.withLock { $0 = [listening, beating] }
        _ = try? await withDeadline(.seconds(10)) {
            var iterator = listened.makeAsyncIterator()
            return await iterator.next() != nil
        }
    }

    /// Leaves the running instances (a clean stop), then stops.
    package func leave() async {
        await store.leave()
        stop()
    }

    /// Stops listening and beating, and closes the store's connections.
    package func stop() {
        tasks.withLock { tasks in
            tasks.forEach { $0.cancel() }
            tasks = []
        }
        store.stop()
    }
}
