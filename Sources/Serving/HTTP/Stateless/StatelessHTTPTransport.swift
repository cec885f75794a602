import HTTPTypes
import Hummingbird
import JSONCore
import MCPCore
import NIOCore

/// The single-exchange path of Streamable HTTP (MCP 2026-07-28): each POST to `/mcp` is one
/// whole request, authenticated like any other (``AdmissionMiddleware``), answered in JSON, or
/// as an event stream when it asked for progress or is a `subscriptions/listen`. No session
/// is made or read; `Mcp-Session-Id` and `Last-Event-ID` are ignored. A client that hangs up
/// cancels its request.
package struct StatelessHTTPTransport: Sendable {
    /// Authentication's result, the dispatcher, the listen streams and the connection watcher.
    package let server: MCPServer

    /// The path in front of `server`.
    package init(server: MCPServer) {
        self.server = server
    }

    /// Answers one 2026-07-28 POST (its era decided by ``StreamableHTTPTransport``): checks in
    /// the order of MCP 2026-07-28's checklist (see ``StatelessAdmission``), then the method.
    package func post(_ request: Request, _ context: AdmittedMCPContext) async throws(HTTPRejection) -> Response {
        let accept = AcceptHeader(request.headers[.accept])
        guard accept.allowsJSON else {
            return HTTPReplies.error(
                .notAcceptable, .invalidRequest("Not Acceptable: Accept must allow application/json"))
        }
        let body = try await server.readJSONBody(request, era: .stateless)
        if case .array = body {
            return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: 2026-07-28 has no batches"))
        }
        let id: JSONRPCID, method: String, params: JSONValue?
        switch JSONRPCMessage(body) {
        case .request(let requestID, let name, let parameters):
            (id, method, params) = (requestID, name, parameters)
        case .notification:
            let version = request.headers[StreamableHTTPTransport.versionHeader] ?? ""
            guard ProtocolEra.statelessVersions.contains(version) else {
                return Self.reply(nil, .unsupportedProtocolVersion(version, supported: ProtocolEra.allVersions))
            }
            return HTTPReplies.accepted()
        case .response:
            return HTTPReplies.error(
                .badRequest, .invalidRequest("Invalid request: this server sends no requests, so takes no responses"))
        case .invalid(let requestID, let reason):
            return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: \(reason)"), id: requestID)
        }
        let routing = RoutingHeaders(request.headers)
        let envelope: RequestEnvelope
        switch StatelessAdmission.check(method: method, params: params, routing: routing) {
        case .success(let admitted): envelope = admitted
        case .failure(let error): return Self.reply(id, error)
        }
        let caller = Caller(
            identity: context.principal.identity, protocolVersion: envelope.protocolVersion, era: .stateless,
            capabilities: envelope.capabilities, toolMode: context.toolMode)
        if method == "subscriptions/listen" {
            guard accept.allowsEventStream else {
                return HTTPReplies.error(
                    .notAcceptable, .invalidRequest("Not Acceptable: a listen needs Accept: text/event-stream"), id: id)
            }
            return listen(id: id, params: params, caller: caller, channel: context.channel)
        }
        let exchange = MCPDispatcher.StatelessRequest(
            id: id, method: method, params: params, caller: caller, routing: routing)
        let reply = await run(exchange, channel: context.channel)
        // An error keeps its JSON and status: a stream would answer 200 where 400 or 404 is due.
        if envelope.wantsProgress, accept.allowsEventStream, reply.error == nil {
            return Response(
                status: .ok, headers: SSEBody.headers, body: .init(byteBuffer: SSEBody.messageEvent(reply.bytes)))
        }
        return HTTPReplies.json(Self.status(of: reply.error), reply.bytes)
    }

    /// Runs the request in a task of its own, cancelled when the client hangs up.
    private func run(_ exchange: MCPDispatcher.StatelessRequest, channel: any Channel) async
        -> MCPDispatcher.StatelessReply
    {
        let dispatcher = server.dispatcher
        let requestID = dispatcher.requestIDs.next()
        let task = Task { await dispatcher.answerStateless(exchange, requestID: requestID) }
        let token = server.watcher.watch(channel) { task.cancel() }
        defer { server.watcher.unwatch(channel, token: token) }
        return await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// `subscriptions/listen`: an event stream that opens with the acknowledgement and carries
    /// `notifications/tools/list_changed` when the user's list changes (if asked for), keep-alive
    /// comments meanwhile, and a closing result when the server stops.
    private func listen(id: JSONRPCID, params: JSONValue?, caller: Caller, channel: any Channel) -> Response {
        let wantsTools: Bool
        switch ListSubscriptions.wantsToolsListChanged(params) {
        case .success(let wants): wantsTools = wants
        case .failure(let error): return Self.reply(id, error)
        }
        let subscriptions = server.subscriptions, watcher = server.watcher
        guard let opened = subscriptions.open(userID: caller.identity.userID, id: id, toolsListChanged: wantsTools)
        else {
            return HTTPReplies.error(.serviceUnavailable, .internalError("The server is shutting down"), id: id)
        }
        server.metrics.mcpRequest(method: "subscriptions/listen", error: nil)
        let token = opened.token
        let watch = watcher.watch(channel) { subscriptions.close(token) }
        let first = SSEBody.messageEvent(MCPDispatcher.listenAcknowledgement(id, toolsListChanged: wantsTools))
        let body = SSEBody.body(
            first: first, stream: opened.stream, keepAlive: server.keepAlive, ping: { subscriptions.ping(token) },
            onEnd: {
                watcher.unwatch(channel, token: watch)
                subscriptions.close(token)
            })
        return Response(status: .ok, headers: SSEBody.headers, body: body)
    }

    /// The HTTP status of an answer (MCP 2026-07-28, Streamable HTTP: errors): 404 for an
    /// unknown method, 400 for a request that is malformed, mismatched or of an unserved
    /// version, 200 otherwise (an internal error included, as the official SDK sends it).
    package static func status(of error: JSONRPCError?) -> HTTPResponse.Status {
        switch error?.code ?? 0 {
        case -32601: .notFound
        case -32700, -32600, -32602, -32020, -32021, -32022: .badRequest
        default: .ok
        }
    }

    private static func reply(_ id: JSONRPCID?, _ error: JSONRPCError) -> Response {
        HTTPReplies.error(status(of: error), error, id: id)
    }
}
