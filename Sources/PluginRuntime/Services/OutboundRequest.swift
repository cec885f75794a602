import AsyncHTTPClient
import Foundation
import MCPCore
import NIOCore
import NIOHTTP1
import Observability
import PluginABI

/// A provider's request, copied out of the borrowed C struct and checked against its policy.
package struct OutboundRequest: Sendable {
    package struct Refusal: Error {
        package var code: paragon_mcp_http_error
        package var message: String
    }

    package var method: HTTPMethod
    /// Parsed once, for the policy check and for AsyncHTTPClient.
    package var url: URL
    package var headers: HTTPHeaders
    package var body: [UInt8]
    package var deadline: NIODeadline
    package var callID: UInt64

    package static func copy(_ request: paragon_mcp_http_request, host: InstanceHost) -> Result<
        OutboundRequest, Refusal
    > {
        func text(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
            guard let pointer, count > 0 else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
        }
        guard request.struct_size >= MemoryLayout<paragon_mcp_http_request>.size else {
            return .failure(Refusal(code: PARAGON_MCP_HTTP_ERROR_INVALID, message: "struct_size too small"))
        }
        let methodName = text(request.method, request.method_len).uppercased()
        guard !methodName.isEmpty, methodName.allSatisfy({ $0.isLetter }) else {
            return .failure(Refusal(code: PARAGON_MCP_HTTP_ERROR_INVALID, message: "invalid method \"\(methodName)\""))
        }
        let urlText = text(request.url, request.url_len)
        guard let url = URL(string: urlText), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else {
            return .failure(Refusal(code: PARAGON_MCP_HTTP_ERROR_INVALID, message: "not an absolute http(s) URL"))
        }
        guard host.http.allows(url) else {
            return .failure(
                Refusal(
                    code: PARAGON_MCP_HTTP_ERROR_NOT_ALLOWED,
                    message: "host \(url.host ?? "") is not allowed for provider \(host.providerName); "
                        + "add it to providers.\(host.providerName).http.allowed_hosts in config.yaml"))
        }
        var headers = HTTPHeaders()
        for index in 0..<request.header_count {
            let header = request.headers[index]
            headers.add(name: text(header.name, header.name_len), value: text(header.value, header.value_len))
        }
        let now = MonotonicClock.nowNanoseconds()
        let timeoutMs = request.timeout_ms == 0 ? host.http.timeoutMs : Int(request.timeout_ms)
        var deadlineNs = now &+ UInt64(timeoutMs) * 1_000_000
        if request.call_id != 0, let call = host.callInfo(request.call_id) {
            deadlineNs = min(deadlineNs, call.deadlineNanoseconds)
            if !headers.contains(name: "x-request-id") { headers.add(name: "X-Request-Id", value: call.requestID) }
        }
        let body =
            request.body_len == 0 || request.body == nil
            ? [] : Array(UnsafeRawBufferPointer(start: request.body, count: request.body_len))
        return .success(
            OutboundRequest(
                method: HTTPMethod(rawValue: methodName), url: url, headers: headers, body: body,
                deadline: .now() + .nanoseconds(Int64(clamping: deadlineNs &- now)), callID: request.call_id))
    }

    /// Starts the request on the client's event loops (no Swift task per request); `completion`
    /// gets its outcome once, on an event loop. Returns the request's task, for cancelling it;
    /// nil when it could not start (then `completion` has run).
    package func start(
        client: HTTPClient, policy: HTTPPolicy, completion: @escaping @Sendable (HTTPResult) -> Void
    ) -> HTTPClient.Task<HTTPClient.Response>? {
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(
                url: url, method: method, headers: headers, body: body.isEmpty ? nil : .bytes(body))
        } catch {
            completion(.failure((PARAGON_MCP_HTTP_ERROR_INVALID, "the request is invalid: \(error)")))
            return nil
        }
        let task = client.execute(
            request: request, delegate: ResponseAccumulator(request: request, maxBodySize: policy.maxResponseBytes),
            deadline: deadline)
        task.futureResult.whenComplete { result in
            switch result {
            case .success(let response):
                completion(
                    .response(
                        status: Int(response.status.code),
                        headers: response.headers.map { ($0.name.lowercased(), $0.value) },
                        body: response.body.map { Array($0.readableBytesView) } ?? []))
            case .failure(let error):
                completion(.failure(Self.classify(error, policy: policy), detail: "\(error)"))
            }
        }
        return task
    }

    private static func classify(_ error: any Error, policy: HTTPPolicy) -> (paragon_mcp_http_error, String) {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return (PARAGON_MCP_HTTP_ERROR_TIMEOUT, TransportFailure.describe(error))
            case .cancelled:
                return (PARAGON_MCP_HTTP_ERROR_CANCELLED, TransportFailure.describe(error))
            default:
                break
            }
        }
        if error is ResponseAccumulator.ResponseTooBigError {
            return (
                PARAGON_MCP_HTTP_ERROR_TOO_LARGE,
                "the response is larger than the \(policy.maxResponseBytes)-byte cap"
            )
        }
        return (PARAGON_MCP_HTTP_ERROR_CONNECT, TransportFailure.describe(error))
    }
}

/// What a request came to, before it is handed to the provider.
package enum HTTPResult: Sendable {
    case response(status: Int, headers: [(String, String)], body: [UInt8])
    /// The code and message the provider gets; `detail`, the library's own account, is only logged.
    case failure((paragon_mcp_http_error, String), detail: String? = nil)
}
