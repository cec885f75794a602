import HTTPTypes
import Hummingbird
import JSONCore
import MCP
import MCPCore
import NIOCore
import Settings

/// Streamable HTTP at `/mcp`: POST carries client messages, GET opens the session's
/// server-to-client stream, DELETE ends the session. A request whose `MCP-Protocol-Version` is
/// not a handshake-era version is 2026-07-28's: POST goes to ``StatelessHTTPTransport``, GET
/// and DELETE get 405 (that era has neither).
package struct StreamableHTTPTransport: Sendable {
    package let server: MCPServer
    package static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!
    package static let versionHeader = HTTPField.Name("MCP-Protocol-Version")!

    /// POST, GET and DELETE go on `admitted` (behind ``AdmissionMiddleware``); the other methods
    /// get 405 on `router`, without admission.
    package func register(on router: Router<MCPRequestContext>, admitted: RouterGroup<AdmittedMCPContext>) {
        admitted.post("/mcp") { request, context in try await post(request, context) }
        admitted.get("/mcp") { request, context in try await get(request, context) }
        admitted.delete("/mcp") { request, context in await delete(request, context) }
        for method in [HTTPRequest.Method.put, .patch, .head, .options] {
            router.on("/mcp", method: method) { _, _ in HTTPReplies.methodNotAllowed(allow: "GET, POST, DELETE") }
        }
    }

    // MARK: POST

    package func post(_ request: Request, _ context: AdmittedMCPContext) async throws(HTTPRejection) -> Response {
        let header = request.headers[Self.versionHeader]
        if ProtocolEra.of(header: header) == .stateless {
            return try await StatelessHTTPTransport(server: server).post(request, context)
        }
        let principal = context.principal
        let body = try await server.readJSONBody(request)
        if header == nil, let refusal = Self.statelessBodyRefusal(body) { return refusal }
        let accept = AcceptHeader(request.headers[.accept])
        guard let sessionID = request.headers[Self.sessionHeader] else {
            if case .array = body {
                return HTTPReplies.error(
                    .badRequest, .invalidRequest("Invalid request: initialize cannot be part of a batch"))
            }
            let message = JSONRPCMessage(body)
            guard case .request(_, Initialize.name, _) = message else {
                if case .invalid(let id, let reason) = message {
                    return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: \(reason)"), id: id)
                }
                return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
            }
            return try await initialize(message, principal: principal, toolMode: context.toolMode, accept: accept)
        }
        let session = try await lookup(sessionID, principal: principal)
        if let failure = checkVersionHeader(request) { return failure }
        guard accept.allowsPOSTAnswers else { return notAcceptable() }
        if case .array(let items) = body {
            return await batch(items, session: session, context: context)
        }
        let message = JSONRPCMessage(body)
        if let refused = SessionOpening.refusedInitialize(message, on: session) {
            return HTTPReplies.error(.badRequest, refused.error, id: refused.id)
        }
        switch message {
        case .request:
            guard let answer = await server.run(message, session: session, channel: context.channel) else {
                return HTTPReplies.noAnswer()
            }
            return HTTPReplies.json(.ok, answer)
        case .notification, .response:
            _ = await server.run(message, session: session, channel: nil)
            return HTTPReplies.accepted()
        case .invalid(let id, let reason):
            return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: \(reason)"), id: id)
        }
    }

    /// A JSON-RPC batch, on a session whose protocol version has batches (2025-03-26 and
    /// earlier; 400 on later ones): 202 when it holds no request, else one JSON array of answers.
    private func batch(_ items: [JSONValue], session: MCPSession, context: AdmittedMCPContext) async -> Response {
        if let refusal = JSONRPCBatch.refusal(items, protocolVersion: session.protocolVersion) {
            return HTTPReplies.error(.badRequest, refusal)
        }
        let messages = items.map(JSONRPCMessage.init)
        let hasRequests = messages.contains { if case .request = $0 { true } else { false } }
        let answers = await server.runBatch(messages, session: session, channel: hasRequests ? context.channel : nil)
        if answers.isEmpty { return hasRequests ? HTTPReplies.noAnswer() : HTTPReplies.accepted() }
        return HTTPReplies.json(.ok, JSONRPCEncoding.batch(answers))
    }

    /// `initialize` without a session opens one (see ``SessionOpening``): 200 with its id in
    /// `Mcp-Session-Id`, or 400 with the failed answer, and no session.
    private func initialize(
        _ message: JSONRPCMessage, principal: Principal, toolMode: ToolMode?, accept: AcceptHeader
    ) async throws(HTTPRejection) -> Response {
        guard accept.allowsPOSTAnswers else { return notAcceptable() }
        let dispatcher = server.dispatcher
        let (session, answer) = try await server.opening.open(for: principal, on: .streamableHTTP) {
            session throws(HTTPRejection) in
            session.state.withLock { $0.toolMode = toolMode }
            let answer =
                await dispatcher.handle(message, session: session, requestID: dispatcher.requestIDs.next()) ?? []
            guard Self.isSuccess(answer) else { throw HTTPRejection(response: HTTPReplies.json(.badRequest, answer)) }
            return answer
        }
        return HTTPReplies.json(.ok, answer, headers: [Self.sessionHeader: session.id])
    }

    // MARK: GET

    package func get(_ request: Request, _ context: AdmittedMCPContext) async throws(HTTPRejection) -> Response {
        if ProtocolEra.of(header: request.headers[Self.versionHeader]) == .stateless { return Self.postOnly() }
        guard AcceptHeader(request.headers[.accept]).allowsEventStream else { return notAcceptable() }
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        let session = try await lookup(sessionID, principal: context.principal)
        if let failure = checkVersionHeader(request) { return failure }
        // A newer stream replaces an older one the client lost track of (MCP: one stream at a time).
        guard let opened = session.openOutbound() else { return HTTPReplies.error(.notFound, .sessionNotFound()) }
        return server.streamResponse(session, opened, channel: context.channel, first: nil) {}
    }

    // MARK: DELETE

    /// Ends the session: 200 when it was open, 404 when no instance knows it, 403 for another
    /// user's. In cluster mode it ends on every instance (see
    /// ``SessionDirectory/end(_:userID:deferring:)``; while the store does not answer, a session
    /// held here ends here at once and elsewhere once it answers, another is 503).
    package func delete(_ request: Request, _ context: AdmittedMCPContext) async -> Response {
        if ProtocolEra.of(header: request.headers[Self.versionHeader]) == .stateless { return Self.postOnly() }
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        let userID = context.principal.userID
        let held = server.sessions.session(sessionID).flatMap { $0.transport == .streamableHTTP ? $0 : nil }
        if let held, held.userID != userID {
            return HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user"))
        }
        // Held here, it ends here at once and elsewhere once the store answers; not held, whether
        // it is open (and whose) is unknown while the store does not answer: the client asks again.
        let ending = await server.opening.directory?.end(sessionID, userID: userID, deferring: held != nil)
        if ending == .unavailable { return HTTPReplies.storeUnavailable("the session cannot be looked up") }
        guard held != nil || ending == .ended else {
            return HTTPReplies.error(.notFound, .sessionNotFound())
        }
        if let held { server.sessions.close(held, reason: "deleted by client") }
        return Response(status: .ok, headers: [.contentLength: "0"])
    }

    // MARK: Helpers

    /// The session, when it exists and belongs to `principal`'s user (whose newest token it
    /// takes, see ``SessionStore/admit(_:to:)``); in cluster mode, one another instance opened is
    /// taken over (see ``SessionTakeover``).
    private func lookup(_ id: String, principal: Principal) async throws(HTTPRejection) -> MCPSession {
        let session: MCPSession
        if let held = server.sessions.session(id) {
            session = held
        } else if let takeover = server.takeover {
            session = try await takeover.session(id, of: principal, on: .streamableHTTP)
        } else {
            throw HTTPRejection(response: HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        guard session.transport == .streamableHTTP else {
            throw HTTPRejection(response: HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        guard server.sessions.admit(principal, to: session) else {
            throw HTTPRejection(
                response: HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user")))
        }
        return session
    }

    /// An `MCP-Protocol-Version` header, when present, must name a supported version.
    private func checkVersionHeader(_ request: Request) -> Response? {
        guard let version = request.headers[Self.versionHeader] else { return nil }
        guard ProtocolVersion.supported.contains(version) else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: unsupported MCP-Protocol-Version \(version)"))
        }
        return nil
    }

    /// A 2026-07-28 body (its `_meta` names a protocol version) without `MCP-Protocol-Version`:
    /// 400 with -32020, never a session (MCP 2026-07-28: the header is required).
    private static func statelessBodyRefusal(_ body: JSONValue) -> Response? {
        // Looked up, not classified: this runs on every header-less POST of the session path.
        guard RequestEnvelope.isStateless(body["params"]) else { return nil }
        let id = body["id"].flatMap(JSONRPCID.init)
        return HTTPReplies.error(
            .badRequest,
            .headerMismatch("MCP-Protocol-Version is required: the request's _meta names a protocol version"),
            id: id)
    }

    /// 405 for GET and DELETE at 2026-07-28, which has neither (-32600: 2026-07-28 retired the
    /// implementation range -32000…-32019).
    private static func postOnly() -> Response {
        HTTPReplies.methodNotAllowed(
            allow: "POST", error: .invalidRequest("Method not allowed: 2026-07-28 is POST only"))
    }

    private func notAcceptable() -> Response {
        HTTPReplies.error(
            .notAcceptable,
            .server("Not Acceptable: Accept must allow application/json and text/event-stream"))
    }

    private static func isSuccess(_ answer: [UInt8]) -> Bool {
        guard let value = try? JSONValue.parse(answer) else { return false }
        return value["result"] != nil
    }
}
