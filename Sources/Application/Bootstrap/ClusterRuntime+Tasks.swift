import Cluster
import JSONCore
import MCPCore
import Serving
import Synchronization

extension ClusterRuntime {
    /// Hands the other instances' events to `server` until cancelled; `listening` runs each time
    /// the store listens. Each time after the first (the connection was lost meanwhile), relayed
    /// messages whose announcement was missed are taken at once; copies of sessions whose end was
    /// missed go at the next beat.
    func listen(for server: MCPServer, listening: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        let events = self.events, instance = store.instanceID, directory = self.directory
        let again = Mutex(false)
        return Task {
            await events.listen(
                listening: {
                    listening()
                    guard
                        again.withLock({ seen in
                            defer { seen = true }; return seen
                        })
                    else { return }
                    Task { await Self.deliverLeftOvers(from: directory, to: server) }
                }
            ) { event in
                switch event {
                case .toolsChanged(let user):
                    server.peerToolListChanged(userID: user)
                case .sessionsEnded(let keys):
                    directory.noteEnded(keys)
                    Self.dropCopies(of: Set(keys), from: server)
                case .elicitationCompleted(let user, let elicitation):
                    server.elicitationCompleted(elicitation, userID: user)
                case .requestCancelled(let key, let request):
                    for session in server.sessions.all where SharedSessionDirectory.key(session.id) == key {
                        session.cancel(request)
                    }
                case .sessionMessage(let target, let message):
                    guard target == instance, let (key, body) = await directory.takeMessage(message) else { return }
                    await Self.deliver(body, toSessionOf: key, on: server)
                }
            }
        }
    }

    /// The sessions' beat (see ``SharedSessionDirectory/beat(usedIDs:heldIDs:)``) until cancelled:
    /// every beat interval, or every second while ends the store missed wait. Relayed messages
    /// left over are taken at each beat while this instance holds HTTP+SSE sessions.
    func beat(for server: MCPServer) -> Task<Void, Never> {
        let directory = self.directory
        return Task {
            let sessions = server.sessions
            var since = sessions.time.nowNanoseconds()
            while !Task.isCancelled {
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
                let held = sessions.all
                let over = await directory.beat(usedIDs: used, heldIDs: held.map(\.id))
                Self.dropCopies(of: over, from: server)
                if held.contains(where: { $0.transport == .legacySSE }) {
                    await Self.deliverLeftOvers(from: directory, to: server)
                }
            }
        }
    }

    /// Closes this instance's copies of the sessions of `keys`, which ended on another instance
    /// or in the store.
    static func dropCopies(of keys: Set<String>, from server: MCPServer) {
        guard !keys.isEmpty else { return }
        for session in server.sessions.all where keys.contains(SharedSessionDirectory.key(session.id)) {
            server.sessions.close(session, reason: "ended on another instance")
        }
    }

    /// Handles the relayed messages whose announcement was missed.
    static func deliverLeftOvers(from directory: SharedSessionDirectory, to server: MCPServer) async {
        for (key, body) in await directory.takeLeftOverMessages() {
            await deliver(body, toSessionOf: key, on: server)
        }
    }

    /// Handles `body`, posted on another instance for the legacy HTTP+SSE session of `key`
    /// whose stream this instance holds (gone meanwhile: dropped).
    static func deliver(_ body: [UInt8], toSessionOf key: String, on server: MCPServer) async {
        guard
            let session = server.sessions.all.first(where: {
                $0.transport == .legacySSE && SharedSessionDirectory.key($0.id) == key
            }),
            let value = try? JSONValue.parse(body)
        else { return }
        await LegacySSETransport(server: server).deliver(value, to: session)
    }
}
