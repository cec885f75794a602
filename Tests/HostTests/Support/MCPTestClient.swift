import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Raw HTTP requests to the MCP endpoints, so every status and header can be checked.
struct MCPTestClient: Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: String
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
        }
        var errorCode: Int? { (json?["error"] as? [String: Any])?["code"] as? Int }
        var result: [String: Any]? { json?["result"] as? [String: Any] }
    }

    let base: String
    static let accept = "application/json, text/event-stream"

    func send(
        _ method: HTTPMethod = .POST, path: String = "/mcp", body: String? = nil, token: String? = nil,
        session: String? = nil, headers: [(String, String)] = [], contentType: String? = "application/json",
        accept: String? = MCPTestClient.accept
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        if let contentType, body != nil { request.headers.add(name: "Content-Type", value: contentType) }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let session { request.headers.add(name: "Mcp-Session-Id", value: session) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return Reply(
            status: Int(response.status.code), headers: response.headers,
            body: String(buffer: bytes))
    }

    static func initializeBody(id: Int = 1, version: String = "2025-11-25") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"initialize","params":{"protocolVersion":"\#(version)","capabilities":{},"clientInfo":{"name":"tests","version":"1"}}}"#
    }

    static func request(_ id: Int, _ method: String, _ params: String = "{}") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    static func call(_ id: Int, _ tool: String, _ arguments: String = "{}") -> String {
        request(id, "tools/call", #"{"name":"\#(tool)","arguments":\#(arguments)}"#)
    }

    /// Initializes a session; returns its id.
    func initialize(token: String?, path: String = "/mcp") async throws -> String {
        let reply = try await send(path: path, body: Self.initializeBody(), token: token)
        guard reply.status == 200, let id = reply.headers.first(name: "Mcp-Session-Id") else {
            throw TestFailure("initialize failed: \(reply.status) \(reply.body)")
        }
        return id
    }

    /// Opens an SSE stream and returns its events as they arrive (`event` name and `data`):
    /// a GET, or a POST of `body` (a 2026-07-28 listen) with `headers`.
    func events(
        path: String, token: String? = nil, session: String? = nil, body: String? = nil,
        headers: [(String, String)] = []
    )
        async throws -> (
            status: Int, events: AsyncThrowingStream<(String, String), Error>, cancel: @Sendable () -> Void
        )
    {
        var request = HTTPClientRequest(url: base + path)
        request.headers.add(name: "Accept", value: body == nil ? "text/event-stream" : Self.accept)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let session { request.headers.add(name: "Mcp-Session-Id", value: session) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let (stream, continuation) = AsyncThrowingStream<(String, String), Error>.makeStream()
        let reader = Task {
            var pending = ""
            do {
                for try await chunk in response.body {
                    pending += String(buffer: chunk)
                    while let end = pending.range(of: "\n\n") {
                        let frame = String(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                        var name = "message", data = ""
                        for line in frame.split(separator: "\n") {
                            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                            if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                            if line.hasPrefix(":") { name = "comment" }
                        }
                        continuation.yield((name, data))
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return (Int(response.status.code), stream, { reader.cancel() })
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

}

extension MCPTestClient {
    /// The data of the first `message` event of `events` (keep-alive comments skipped); nil
    /// when the stream ends first.
    static func firstMessage(_ events: AsyncThrowingStream<(String, String), Error>) async throws -> String? {
        for try await (name, data) in events where name == "message" { return data }
        return nil
    }
}
