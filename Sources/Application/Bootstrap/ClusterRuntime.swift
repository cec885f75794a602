import Cluster
import JSONCore
import Logging
import MCPCore
import Observability
import Serving
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

    /// Connects to `url` and migrates the schema, within `startTimeout`. Sessions no instance
    /// used for `sessionIdleTimeout` end everywhere.
    /// - Throws: ``BootstrapError/cluster(_:)`` naming the store when it cannot be used.
    package init(
        url: String, sessionIdleTimeout: Duration, logger: Logger, metrics: ServerMetrics,
        startTimeout: Duration = .seconds(10)
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
        directory = SharedSessionDirectory(
            store: store, events: events, idleTimeout: sessionIdleTimeout, logger: logger)
        link = PostgresClusterLink(events: events, directory: directory, logger: logger)
        logger.notice("cluster mode: sharing state through PostgreSQL at \(store.display)")
    }

    /// Starts handing the other instances' events to `server` and the sessions' beat; returns
    /// once the store listens (events published from then on reach it), or after 10 s when it
    /// does not yet (it goes on trying in the background).
    package func attach(to server: MCPServer) async {
        let events = self.events, store = self.store, directory = self.directory
        let (listened, signal) = AsyncStream<Void>.makeStream()
        let listening = Task {
            await events.listen(listening: { signal.yield() }) { event in
                switch event {
                case .toolsChanged(let user):
                    server.peerToolListChanged(userID: user)
                case .sessionsEnded(let keys):
                    Self.dropCopies(of: Set(keys), from: server)
                case .elicitationCompleted(let user, let elicitation):
                    server.elicitationCompleted(elicitation, userID: user)
                case .sessionMessage(let target, let message):
                    guard target == store.instanceID else { return }
                    await Self.deliver(message, from: directory, to: server)
                }
            }
        }
        let beating = Task {
            let sessions = server.sessions
            var since = sessions.time.nowNanoseconds()
            while !Task.isCancelled {
                // A beat's interval, or a second while ends the store missed wait.
                var waited = Duration.zero
                while waited < directory.beatInterval, !directory.hasPendingEnds || waited < .seconds(1) {
                    let step = min(directory.beatInterval - waited, .seconds(1))
                    try? await Task.sleep(for: step)
                    waited += step
                    if Task.isCancelled { return }
                }
                let now = sessions.time.nowNanoseconds()
                let used = sessions.idsInUse(since: since)
                since = now
                Self.dropCopies(of: await directory.beat(usedIDs: used), from: server)
            }
        }
        tasks.withLock { $0 = [listening, beating] }
        _ = try? await withDeadline(.seconds(10)) {
            var iterator = listened.makeAsyncIterator()
            return await iterator.next() != nil
        }
    }

    /// Closes this instance's copies of the sessions of `keys`, which ended on another instance
    /// or in the store.
    private static func dropCopies(of keys: Set<String>, from server: MCPServer) {
        guard !keys.isEmpty else { return }
        for session in server.sessions.all where keys.contains(SharedSessionDirectory.key(session.id)) {
            server.sessions.close(session, reason: "ended on another instance")
        }
    }

    /// Handles relayed message `message`, posted on another instance for a legacy HTTP+SSE
    /// session whose stream this instance holds (gone meanwhile: dropped).
    private static func deliver(_ message: Int64, from directory: SharedSessionDirectory, to server: MCPServer) async {
        guard let (key, body) = await directory.takeMessage(message),
            let session = server.sessions.all.first(where: {
                $0.transport == .legacySSE && SharedSessionDirectory.key($0.id) == key
            }),
            let value = try? JSONValue.parse(body)
        else { return }
        await LegacySSETransport(server: server).deliver(value, to: session)
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
