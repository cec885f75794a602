import HTTPTypes
import Hummingbird
import JSONCore
import MCP
import NIOCore

/// Streamable HTTP at `/mcp`: POST carries client messages, GET opens the session's
/// server-to-client stream, DELETE ends the session.
struct StreamableHTTPTransport: Sendable {
    let server: MCPServer
    static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!
    static let versionHeader = HTTPField.Name("MCP-Protocol-Version")!

    func register(on router: Router<MCPRequestContext>) {
        router.post("/mcp") { request, context in await HTTPRejection.answer { try await post(request, context) } }
        router.get("/mcp") { request, context in await HTTPRejection.answer { try await get(request, context) } }
        router.delete("/mcp") { request, _ in await HTTPRejection.answer { try await delete(request) } }
        for method in [HTTPRequest.Method.put, .patch, .head, .options] {
            router.on("/mcp", method: method) { _, _ in HTTPReplies.methodNotAllowed(allow: "GET, POST, DELETE") }
        }
    }

    // MARK: POST

    func post(_ request: Request, _ context: MCPRequestContext) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        let body = try await server.readJSONBody(request).get()
        if case .array = body {
            return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: batches are not supported"))
        }
        let message = JSONRPCMessage(body)
        let accept = AcceptHeader(request.headers[.accept])

        guard let sessionID = request.headers[Self.sessionHeader] else {
            guard case .request(let id, Initialize.name, _) = message else {
                if case .invalid(let id, let reason) = message {
                    return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: \(reason)"), id: id)
                }
                return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
            }
            return await initialize(id: id, message: message, principal: principal, accept: accept)
        }
        let session = try lookup(sessionID, principal: principal).get()
        if let failure = checkVersionHeader(request) { return failure }
        guard accept.allowsPOSTAnswers else { return notAcceptable() }
        switch message {
        case .request(let id, Initialize.name, _):
            return HTTPReplies.error(
                .badRequest, .invalidRequest("Invalid request: the session is already initialized"),
                id: id)
        case .request:
            let answer = await server.run(message, session: session, channel: context.channel)
            return HTTPReplies.json(.ok, answer ?? [])
        case .notification, .response:
            _ = await server.run(message, session: session, channel: nil)
            return HTTPReplies.accepted()
        case .invalid(let id, let reason):
            return HTTPReplies.error(.badRequest, .invalidRequest("Invalid request: \(reason)"), id: id)
        }
    }

    private func initialize(id: JSONRPCID, message: JSONRPCMessage, principal: Principal, accept: AcceptHeader) async
        -> Response
    {
        guard accept.allowsPOSTAnswers else { return notAcceptable() }
        guard server.sessions.reserve() else {
            return HTTPReplies.error(.serviceUnavailable, .server("Session capacity reached"))
        }
        let session = MCPSession(id: MCPSession.newID(), transport: .streamableHTTP, owner: principal)
        let answer = await server.dispatcher.handle(message, session: session, requestID: RequestIDs.next()) ?? []
        guard Self.isSuccess(answer) else {
            server.sessions.cancelReservation()
            return HTTPReplies.json(.badRequest, answer)
        }
        server.sessions.activate(session)
        return HTTPReplies.json(.ok, answer, headers: [Self.sessionHeader: session.id])
    }

    // MARK: GET

    func get(_ request: Request, _ context: MCPRequestContext) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        guard AcceptHeader(request.headers[.accept]).allowsEventStream else { return notAcceptable() }
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        let session = try lookup(sessionID, principal: principal).get()
        if let failure = checkVersionHeader(request) { return failure }
        guard let stream = session.openOutbound() else {
            return HTTPReplies.error(.conflict, .server("Conflict: only one SSE stream is allowed per session"))
        }
        return server.streamResponse(session, stream, channel: context.channel, first: nil) {}
    }

    // MARK: DELETE

    func delete(_ request: Request) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        guard let session = server.sessions.session(sessionID) else {
            return HTTPReplies.error(.notFound, .sessionNotFound())
        }
        // A client that rotated its token may still end its session: same user suffices.
        guard session.owner.userID == principal.userID else {
            return HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another token"))
        }
        server.sessions.close(session, reason: "deleted by client")
        return Response(status: .ok, headers: [.contentLength: "0"])
    }

    // MARK: Helpers

    /// The session, when it exists and `principal` holds the exact token that created it.
    private func lookup(_ id: String, principal: Principal) -> Result<MCPSession, HTTPRejection> {
        guard let session = server.sessions.session(id), session.transport == .streamableHTTP else {
            return .reject(HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        guard session.isOwnedExactly(by: principal) else {
            return .reject(HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another token")))
        }
        return .success(session)
    }

    /// An `MCP-Protocol-Version` header, when present, must name a supported version.
    private func checkVersionHeader(_ request: Request) -> Response? {
        guard let version = request.headers[Self.versionHeader] else { return nil }
        guard ProtocolVersion.supported.contains(version) else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: unsupported MCP-Protocol-Version \(version)"))
        }
        return nil
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
