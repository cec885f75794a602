import Foundation

/// A hand-driven 2026-07-28 client over real HTTP: each request carries its version and
/// capabilities in `params._meta` and the routing headers, which a test may override or drop.
struct StatelessClient: Sendable {
    let client: MCPTestClient
    var token: String?
    var path = "/mcp"
    var version = "2026-07-28"
    /// `clientCapabilities` as JSON.
    var capabilities = "{}"

    static let urlElicitation = #"{"elicitation":{"form":{},"url":{}}}"#

    /// The `_meta` envelope as JSON.
    var meta: String {
        #"{"io.modelcontextprotocol/protocolVersion":"\#(version)","io.modelcontextprotocol/clientCapabilities":\#(capabilities),"io.modelcontextprotocol/clientInfo":{"name":"tests","version":"1"}}"#
    }

    /// A request body; `params` is a JSON object's members without braces (may be empty).
    func body(_ id: String, _ method: String, _ params: String = "") -> String {
        let members = params.isEmpty ? #""_meta":\#(meta)"# : params + #","_meta":\#(meta)"#
        return #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{\#(members)}}"#
    }

    /// The routing headers a conforming client sends for `method` (and tool `name`).
    func headers(_ method: String, name: String? = nil) -> [(String, String)] {
        var headers = [("MCP-Protocol-Version", version), ("Mcp-Method", method)]
        if let name { headers.append(("Mcp-Name", name)) }
        return headers
    }

    /// Sends `method` with conforming headers (replaced by `headers` when given, plus `extra`).
    func send(
        _ method: String, id: String = "1", params: String = "", name: String? = nil,
        headers: [(String, String)]? = nil, extra: [(String, String)] = [], body: String? = nil,
        accept: String? = MCPTestClient.accept
    ) async throws -> MCPTestClient.Reply {
        try await client.send(
            path: path, body: body ?? self.body(id, method, params), token: token,
            headers: (headers ?? self.headers(method, name: name)) + extra, accept: accept)
    }

    func call(
        _ tool: String, arguments: String = "{}", id: String = "1", more: String = "", extra: [(String, String)] = []
    )
        async throws -> MCPTestClient.Reply
    {
        let params = #""name":"\#(tool)","arguments":\#(arguments)"# + (more.isEmpty ? "" : "," + more)
        return try await send("tools/call", id: id, params: params, name: tool, extra: extra)
    }

    /// Every tool name, following `nextCursor`; fails on an error answer.
    func listAll() async throws -> [String] {
        var names: [String] = []
        var cursor: String?
        var id = 100
        repeat {
            let params = cursor.map { #""cursor":"\#($0)""# } ?? ""
            let reply = try await send("tools/list", id: "\(id)", params: params)
            guard reply.status == 200, let result = reply.result else { throw TestFailure("tools/list: \(reply.body)") }
            names += (result["tools"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            cursor = result["nextCursor"] as? String
            id += 1
        } while cursor != nil
        return names
    }

    /// Opens a `subscriptions/listen` stream asking for tool-list changes.
    func listen(id: String = #""listen-1""#) async throws -> (
        status: Int, events: AsyncThrowingStream<(String, String), Error>, cancel: @Sendable () -> Void
    ) {
        try await client.events(
            path: path, token: token,
            body: body(id, "subscriptions/listen", #""notifications":{"toolsListChanged":true}"#),
            headers: headers("subscriptions/listen"))
    }
}
