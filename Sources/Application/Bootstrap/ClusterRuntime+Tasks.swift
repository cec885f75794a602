import Cluster
import JSONCore
import MCPCore
import Serving

extension ClusterRuntime {
    /// Hands the other instances' events to `server` until cancelled; `listening` runs each time
    /// the store listens. Each time after the first (the connection was lost meanwhile), relayed
    /// messages whose announcement was missed are taken at once; copies of sessions whose end was
    /// missed go at the next beat.
    func listen(for server: MCPServer, listening: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        let events = self.events, instance = store.instanceID, directory = self.directory
        return Task {
            await events.listen(
                listening: { again in
                    listening()
                    if again { Task { await Self.deliverLeftOvers(from: directory, to: server) } }
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
                    Self.held([key], on: server).forEach { $0.cancel(request) }
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
        for session in held(keys, on: server) {
            server.sessions.close(session, reason: "ended on another instance")
        }
    }

    /// The sessions this instance holds whose keys (see ``SharedSessionDirectory/key(_:)``) are
    /// among `keys`: events name sessions by key, never by id.
    static func held(_ keys: Set<String>, on server: MCPServer) -> [MCPSession] {
        guard !keys.isEmpty else { return [] }
        return server.sessions.all.filter { keys.contains(SharedSessionDirectory.key($0.id)) }
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
        guard let session = held([key], on: server).first(where: { $0.transport == .legacySSE }),
            let value = try? JSONValue.parse(body)
        else { return }
        await LegacySSETransport(server: server).deliver(value, to: session)
    }
}
