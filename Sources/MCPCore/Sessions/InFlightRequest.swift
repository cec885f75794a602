import Synchronization

/// A request of a session from the moment it arrives until it is answered. It is registered
/// under its JSON-RPC id as it is read, before its task starts, so that a
/// `notifications/cancelled` read after it always finds it: a cancellation that comes before
/// the task cancels the task as it starts.
package final class InFlightRequest: Sendable {
    package let id: JSONRPCID
    private let state = Mutex<(task: Task<[UInt8]?, Never>?, cancelled: Bool)>((nil, false))

    private init(id: JSONRPCID) {
        self.id = id
    }

    /// Registers a request `id` with `session`; nil when that id is already in flight.
    package static func register(_ id: JSONRPCID, in session: MCPSession) -> InFlightRequest? {
        let request = InFlightRequest(id: id)
        return session.register(id, cancel: request.cancel) ? request : nil
    }

    /// Cancels the request's task, now or as it starts.
    package func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }

    /// The task that answers the request.
    package func start(_ task: Task<[UInt8]?, Never>) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelled { task.cancel() }
    }
}
