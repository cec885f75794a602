import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import PluginABI
import Synchronization

/// The `paragon-mcp.http/1` service: providers' outbound HTTP through one pooled
/// AsyncHTTPClient, within each provider's policy. Owned by ``ProviderRuntime``: it owns its
/// client (shut down by ``shutdown()``), its table of requests in flight, and the service
/// table handed out by get_service() (freed with it).
package final class HTTPService: Sendable {
    /// The pooled client: also what the server's own outbound requests use (integration names).
    package let client: HTTPClient

    private enum Entry {
        /// Registered, not started yet; `cancelled` when cancel came first.
        case starting(cancelled: Bool)
        case running(HTTPClient.Task<HTTPClient.Response>)
    }

    private let inFlight = Mutex<[UInt64: Entry]>([:])
    private let handles = Atomic<UInt64>(0)
    private let tablePointer: ServiceTable

    /// The `paragon_mcp_http_service_v1` table; valid while this service lives.
    package var table: UnsafeRawPointer { UnsafeRawPointer(tablePointer.pointer) }

    package init(client: HTTPClient) {
        self.client = client
        let table = UnsafeMutablePointer<paragon_mcp_http_service_v1>.allocate(capacity: 1)
        table.initialize(
            to: paragon_mcp_http_service_v1(
                struct_size: UInt32(MemoryLayout<paragon_mcp_http_service_v1>.size),
                send: { host, request, userData, callback in
                    HTTPService.send(host, request, userData, callback)
                },
                cancel: { host, handle in InstanceHost.from(host)?.runtime.http.cancel([handle]) }))
        self.tablePointer = ServiceTable(pointer: table)
    }

    /// A service with a client of its own on `eventLoopGroup`.
    package convenience init(eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup) {
        self.init(
            client: HTTPClient(eventLoopGroup: eventLoopGroup, configuration: OutboundClientConfiguration.make()))
    }

    deinit {
        tablePointer.pointer.deinitialize(count: 1)
        tablePointer.pointer.deallocate()
    }

    /// Shuts the client down: requests still in flight fail. Call after the last provider is
    /// destroyed.
    package func shutdown() async throws {
        try await client.shutdown()
    }

    /// Requests in flight (started or starting).
    package var inFlightCount: Int { inFlight.withLock { $0.count } }

    /// Cancels requests by handle; finished or unknown handles are ignored.
    package func cancel(_ handles: [UInt64]) {
        guard !handles.isEmpty else { return }
        let tasks = inFlight.withLock { entries in
            handles.compactMap { handle -> HTTPClient.Task<HTTPClient.Response>? in
                switch entries[handle] {
                case .starting?: entries[handle] = .starting(cancelled: true); return nil
                case .running(let task)?: return task
                case nil: return nil
                }
            }
        }
        tasks.forEach { $0.cancel() }
    }

    private static func send(
        _ table: UnsafePointer<paragon_mcp_host>?, _ request: UnsafePointer<paragon_mcp_http_request>?,
        _ userData: UnsafeMutableRawPointer?, _ callback: paragon_mcp_http_callback?
    ) -> UInt64 {
        guard let callback else { return 0 }
        let reply = HTTPReply(userData: userData, callback: callback)
        guard let host = InstanceHost.from(table), let request else {
            reply.fail(PARAGON_MCP_HTTP_ERROR_INVALID, "send() was called with a NULL host or request")
            return 0
        }
        return host.runtime.http.send(request.pointee, host: host, reply: reply)
    }

    private func send(_ request: paragon_mcp_http_request, host: InstanceHost, reply: HTTPReply) -> UInt64 {
        let handle = handles.wrappingAdd(1, ordering: .relaxed).newValue
        let outbound: OutboundRequest
        switch OutboundRequest.copy(request, host: host) {
        case .success(let copied): outbound = copied
        case .failure(let failure):
            host.logger.debug("outbound request refused", metadata: ["reason": "\(failure.message)"])
            reply.fail(failure.code, failure.message)
            return handle
        }
        // In flight before the call knows of it: an abandonment in between finds it to cancel.
        inFlight.withLock { $0[handle] = .starting(cancelled: false) }
        guard host.requestStarted(handle, call: outbound.callID) else {
            inFlight.withLock { $0[handle] = nil }
            reply.fail(PARAGON_MCP_HTTP_ERROR_CANCELLED, "the call this request was made for has ended")
            return handle
        }
        let started = ContinuousClock.now
        let task = outbound.start(client: client, policy: host.http) { [self] result in
            inFlight.withLock { $0[handle] = nil }
            host.requestFinished(handle, call: outbound.callID)
            host.recordUpstream(outbound, result, duration: .now - started)
            reply.deliver(result)
        }
        guard let task else { return handle }
        let cancelled = inFlight.withLock { entries -> Bool in
            switch entries[handle] {
            case .starting(let cancelled)?:
                entries[handle] = .running(task)
                return cancelled
            default:
                return false  // already finished
            }
        }
        if cancelled { task.cancel() }
        return handle
    }
}

/// The service table's address; see HTTPService.
private struct ServiceTable: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<paragon_mcp_http_service_v1>
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
