import PluginABI
import Synchronization

/// The host's pooled HTTP client. Requests go only to the hosts the provider's config allows.
public struct ProviderHTTPClient: @unchecked Sendable {
    // Both tables are host-owned, thread-safe and outlive the instance (see the header).
    let host: UnsafePointer<paragon_mcp_host>
    let service: UnsafePointer<paragon_mcp_http_service_v1>

    /// Sends `request`. Cancelling the task cancels the request.
    public func send(_ request: HTTPRequest) async throws(HTTPFailure) -> HTTPResponse {
        let pending = PendingRequest()
        let result: Result<HTTPResponse, HTTPFailure> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                pending.start(continuation)
                let userData = Unmanaged.passRetained(pending).toOpaque()
                let handle = request.withCRequest { cRequest in
                    withUnsafePointer(to: cRequest) { pointer in
                        service.pointee.send(host, pointer, userData) { userData, response in
                            guard let userData, let response else { return }
                            let pending = Unmanaged<PendingRequest>.fromOpaque(userData)
                                .takeRetainedValue()
                            pending.finish(HTTPResponse.from(response.pointee))
                        }
                    }
                }
                if pending.setHandle(handle) { service.pointee.cancel(host, handle) }
            }
        } onCancel: {
            if let handle = pending.cancel() { service.pointee.cancel(host, handle) }
        }
        return try result.get()
    }
}

/// One request in flight: its continuation and the handle for cancelling it.
private final class PendingRequest: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Result<HTTPResponse, HTTPFailure>, Never>?
        var handle: UInt64 = 0
        var cancelled = false
    }
    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<Result<HTTPResponse, HTTPFailure>, Never>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Records the handle; true when the task was cancelled before it was known.
    func setHandle(_ handle: UInt64) -> Bool {
        state.withLock { state in
            state.handle = handle
            return state.cancelled && state.continuation != nil
        }
    }

    /// Marks the request cancelled; the handle to cancel, if already known.
    func cancel() -> UInt64? {
        state.withLock { state in
            state.cancelled = true
            return state.handle == 0 || state.continuation == nil ? nil : state.handle
        }
    }

    func finish(_ result: Result<HTTPResponse, HTTPFailure>) {
        let continuation = state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: result)
    }
}
