import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PluginABI
import Synchronization

/// The `paragon-mcp.http/1` service: providers' outbound HTTP through one pooled
/// AsyncHTTPClient, within each provider's policy.
enum HTTPService {
    /// The service table handed out by get_service(); static, never freed.
    nonisolated(unsafe) static let table: UnsafeRawPointer = {
        let table = UnsafeMutablePointer<paragon_mcp_http_service_v1>.allocate(capacity: 1)
        table.initialize(
            to: paragon_mcp_http_service_v1(
                struct_size: UInt32(MemoryLayout<paragon_mcp_http_service_v1>.size),
                send: { host, request, userData, callback in
                    HTTPService.send(host, request, userData, callback)
                },
                cancel: { _, handle in HTTPService.cancel(handle) }))
        return UnsafeRawPointer(table)
    }()

    static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: OutboundClientConfiguration.make())

    /// Requests in flight, by handle, and by the call they were made for.
    private struct InFlight {
        enum Entry {
            /// Registered, not started yet; `cancelled` when cancel came first.
            case starting(cancelled: Bool)
            case running(HTTPClient.Task<HTTPClient.Response>)
        }
        var entries: [UInt64: Entry] = [:]
        var byCall: [UInt64: Set<UInt64>] = [:]
        var callOf: [UInt64: UInt64] = [:]

        mutating func finish(_ handle: UInt64) {
            entries[handle] = nil
            if let call = callOf.removeValue(forKey: handle) {
                byCall[call]?.remove(handle)
                if byCall[call]?.isEmpty == true { byCall[call] = nil }
            }
        }

        /// Marks `handle` for cancelling; returns its task when it has started.
        mutating func cancel(_ handle: UInt64) -> HTTPClient.Task<HTTPClient.Response>? {
            switch entries[handle] {
            case .starting?: entries[handle] = .starting(cancelled: true); return nil
            case .running(let task)?: return task
            case nil: return nil
            }
        }
    }

    private static let inFlight = Mutex(InFlight())
    private static let handles = Atomic<UInt64>(0)

    /// Cancels every request made on behalf of `callID`.
    static func cancelRequests(ofCall callID: UInt64) {
        let tasks = inFlight.withLock { state in
            (state.byCall[callID] ?? []).compactMap { state.cancel($0) }
        }
        tasks.forEach { $0.cancel() }
    }

    private static func cancel(_ handle: UInt64) {
        inFlight.withLock { $0.cancel(handle) }?.cancel()
    }

    private static func send(
        _ table: UnsafePointer<paragon_mcp_host>?, _ request: UnsafePointer<paragon_mcp_http_request>?,
        _ userData: UnsafeMutableRawPointer?, _ callback: paragon_mcp_http_callback?
    ) -> UInt64 {
        let handle = handles.wrappingAdd(1, ordering: .relaxed).newValue
        guard let callback else { return handle }
        let reply = HTTPReply(userData: userData, callback: callback)
        guard let host = InstanceHost.from(table), let request else {
            reply.fail(PARAGON_MCP_HTTP_ERROR_INVALID, "send() was called with a NULL host or request")
            return handle
        }
        let outbound: OutboundRequest
        switch OutboundRequest.copy(request.pointee, host: host) {
        case .success(let copied): outbound = copied
        case .failure(let failure):
            host.logger.debug("outbound request refused", metadata: ["reason": "\(failure.message)"])
            reply.fail(failure.code, failure.message)
            return handle
        }
        inFlight.withLock { state in
            state.entries[handle] = .starting(cancelled: false)
            if outbound.callID != 0 {
                state.byCall[outbound.callID, default: []].insert(handle)
                state.callOf[handle] = outbound.callID
            }
        }
        let started = ContinuousClock.now
        let task = outbound.start(client: client, policy: host.http) { result in
            inFlight.withLock { $0.finish(handle) }
            host.recordUpstream(outbound, result, duration: .now - started)
            reply.deliver(result)
        }
        guard let task else { return handle }
        let cancelled = inFlight.withLock { state -> Bool in
            switch state.entries[handle] {
            case .starting(let cancelled)?:
                state.entries[handle] = .running(task)
                return cancelled
            default:
                return false  // already finished
            }
        }
        if cancelled { task.cancel() }
        return handle
    }
}

extension InstanceHost {
    /// Counts and logs (at debug, with the call's request id) one of the provider's requests:
    /// method, host and path only, for a query string may carry secrets.
    fileprivate func recordUpstream(_ request: OutboundRequest, _ result: HTTPResult, duration: Duration) {
        let status: Int?
        if case .response(let code, _, _) = result { status = code } else { status = nil }
        metrics?.upstreamRequest(provider: providerName, status: status, duration: duration)
        guard logger.logLevel <= .debug else { return }
        var metadata: Logger.Metadata = ["status": "\(status.map(String.init) ?? "none")"]
        if case .failure(_, let detail?) = result { metadata["error"] = "\(detail)" }
        if let call = callInfo(request.callID) { metadata["request"] = "\(call.requestID)" }
        let url = request.url
        let target = "\(url.scheme ?? "")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")\(url.path)"
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        logger.debug("upstream \(request.method.rawValue) \(target) in \(milliseconds) ms", metadata: metadata)
    }
}
