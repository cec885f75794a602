import NIOCore
import Synchronization

/// Cancels work when its client's connection closes. One close callback per connection, however
/// many requests it carries; each piece of work registers and unregisters in O(1).
final class ConnectionWatcher: Sendable {
    private struct Connection {
        var work: [UInt64: @Sendable () -> Void] = [:]
    }

    private let connections = Mutex<[ObjectIdentifier: Connection]>([:])
    private let nextToken = Atomic<UInt64>(0)

    /// Runs `cancel` if `channel` closes before `unwatch` is called with the returned token.
    func watch(_ channel: any Channel, cancel: @escaping @Sendable () -> Void) -> UInt64? {
        guard channel.isActive else {
            cancel()
            return nil
        }
        let key = ObjectIdentifier(channel)
        let token = nextToken.wrappingAdd(1, ordering: .relaxed).newValue
        let isNew = connections.withLock { connections in
            let isNew = connections[key] == nil
            connections[key, default: Connection()].work[token] = cancel
            return isNew
        }
        if isNew {
            channel.closeFuture.whenComplete { [self] _ in disconnected(channel) }
        }
        return token
    }

    /// The client is gone: cancels everything registered for `channel`.
    func disconnected(_ channel: any Channel) {
        let work = connections.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
        work?.work.values.forEach { $0() }
    }

    func unwatch(_ channel: any Channel, token: UInt64?) {
        guard let token else { return }
        connections.withLock { _ = $0[ObjectIdentifier(channel)]?.work.removeValue(forKey: token) }
    }
}
