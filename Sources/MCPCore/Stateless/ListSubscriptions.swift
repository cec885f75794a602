import JSONCore
import Synchronization

/// The open `subscriptions/listen` streams of 2026-07-28 clients (MCP 2026-07-28,
/// subscriptions): each is one user's, named by its listen request's id, and gets
/// `notifications/tools/list_changed` when that user's tool list changes. The transport owns
/// writing a stream; this only routes frames to it.
package final class ListSubscriptions: Sendable {
    private struct Listener {
        var userID: String
        var id: JSONRPCID
        /// Asked for `toolsListChanged`.
        var toolsListChanged: Bool
        var continuation: AsyncStream<[UInt8]>.Continuation
    }

    private struct State {
        var next: UInt64 = 0
        var listeners: [UInt64: Listener] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// No streams yet.
    package init() {}

    /// Opens a stream for `userID`'s listen request `id`, told of tool-list changes when
    /// `toolsListChanged`: its frames, an empty one standing for a keep-alive (see
    /// ``ping(_:)``). Nil once the server is shutting down.
    package func open(
        userID: String, id: JSONRPCID, toolsListChanged: Bool
    ) -> (stream: AsyncStream<[UInt8]>, token: UInt64)? {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let token = state.withLock { state -> UInt64? in
            guard !state.closed else { return nil }
            state.next += 1
            state.listeners[state.next] = Listener(
                userID: userID, id: id, toolsListChanged: toolsListChanged, continuation: continuation)
            return state.next
        }
        guard let token else { return nil }
        return (stream, token)
    }

    /// Ends the stream of `token` (its client went away).
    package func close(_ token: UInt64) {
        state.withLock { $0.listeners.removeValue(forKey: token) }?.continuation.finish()
    }

    /// Wakes the stream of `token` with a keep-alive.
    package func ping(_ token: UInt64) {
        _ = state.withLock { $0.listeners[token] }?.continuation.yield([])
    }

    /// Tells the listeners of `userID` (nil: every listener) that their tool list changed;
    /// returns how many were told.
    @discardableResult
    package func toolListChanged(userID: String? = nil) -> Int {
        let told = state.withLock { state in
            state.listeners.values.filter { $0.toolsListChanged && (userID == nil || $0.userID == userID) }
        }
        for listener in told { listener.continuation.yield(MCPDispatcher.listChanged(listener.id)) }
        return told.count
    }

    /// Whether a `subscriptions/listen` request asks for tool-list changes
    /// (`notifications.toolsListChanged: true`), the only kind this server has; -32602 when
    /// `params.notifications` is not an object (MCP 2026-07-28: the listen names the kinds it
    /// wants; without them a stream would carry nothing but keep-alives).
    package static func wantsToolsListChanged(_ params: JSONValue?) -> Result<Bool, JSONRPCError> {
        guard let notifications = params?["notifications"], notifications.objectValue != nil else {
            return .failure(
                .invalidParams(
                    #"Invalid params: subscriptions/listen needs params.notifications, such as {"toolsListChanged": true}"#
                ))
        }
        return .success(notifications["toolsListChanged"] == .bool(true))
    }

    /// How many streams are open.
    package var count: Int { state.withLock { $0.listeners.count } }

    /// The server is stopping: every stream gets its ending result and closes; no new one opens.
    package func shutdown() {
        let listeners = state.withLock { state in
            state.closed = true
            defer { state.listeners.removeAll() }
            return Array(state.listeners.values)
        }
        for listener in listeners {
            listener.continuation.yield(MCPDispatcher.listenEnded(listener.id))
            listener.continuation.finish()
        }
    }
}
