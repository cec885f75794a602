import NIOCore
import Synchronization

/// Cancels work when its client's connection goes away, even when the client hung up before
/// the work started. One close callback per connection, however many requests it carries; each
/// piece of work registers and unregisters in O(1).
package final class ConnectionWatcher: Sendable {
    private struct Connection {
        var work: [UInt64: @Sendable () -> Void] = [:]
        /// The client hung up (its input closed); the connection may stay open for writing.
        var gone = false
    }

    private let connections = Mutex<[ObjectIdentifier: Connection]>([:])
    private let nextToken = Atomic<UInt64>(0)

    /// Runs `cancel` if the client of `channel` goes away before `unwatch` is called with the
    /// returned token; at once if it is gone already.
    package func watch(_ channel: any Channel, cancel: @escaping @Sendable () -> Void) -> UInt64? {
        guard channel.isActive else {
            cancel()
            return nil
        }
        let token = nextToken.wrappingAdd(1, ordering: .relaxed).newValue
        let (isNew, gone) = connections.withLock { connections in
            let key = ObjectIdentifier(channel)
            var connection = connections[key] ?? Connection()
            let isNew = connections[key] == nil
            if connection.gone { return (isNew, true) }
            connection.work[token] = cancel
            connections[key] = connection
            return (isNew, false)
        }
        if isNew { track(channel) }
        if gone {
            cancel()
            return nil
        }
        return token
    }

    /// The client hung up: cancels everything registered for `channel`, and what comes later.
    package func disconnected(_ channel: any Channel) {
        let (isNew, work) = connections.withLock { connections in
            let key = ObjectIdentifier(channel)
            let isNew = connections[key] == nil
            var connection = connections[key] ?? Connection()
            let work = Array(connection.work.values)
            connection.work = [:]
            connection.gone = true
            connections[key] = connection
            return (isNew, work)
        }
        if isNew { track(channel) }
        work.forEach { $0() }
    }

    package func unwatch(_ channel: any Channel, token: UInt64?) {
        guard let token else { return }
        connections.withLock { _ = $0[ObjectIdentifier(channel)]?.work.removeValue(forKey: token) }
    }

    /// Forgets the connection when it closes, cancelling what is still registered.
    private func track(_ channel: any Channel) {
        channel.closeFuture.whenComplete { [self] _ in
            let work = connections.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
            work?.work.values.forEach { $0() }
        }
    }
}
