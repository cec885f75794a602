import HTTPTypes
import Hummingbird
import JSONCore
import MCP
import MCPCore
import NIOCore

/// Streamable HTTP at `/mcp`: POST carries client messages, GET opens the session's
/// server-to-client stream, DELETE ends the session.
package struct StreamableHTTPTransport: Sendable {
    package let server: MCPServer
    package static let sessionHeader = HTTPField.Name("Mcp-Session-Id")!
    package static let versionHeader = HTTPField.Name("MCP-Protocol-Version")!

    package func register(on router: Router<MCPRequestContext>) {
        router.post("/mcp") { request, context in await HTTPRejection.answer { try await post(request, context) } }
        router.get("/mcp") { request, context in await HTTPRejection.answer { try await get(request, context) } }
        router.delete("/mcp") { request, _ in await HTTPRejection.answer { try await delete(request) } }
        for method in [HTTPRequest.Method.put, .patch, .head, .options] {
            router.on("/mcp", method: method) { _, _ in HTTPReplies.methodNotAllowed(allow: "GET, POST, DELETE") }
        }
    }

    // MARK: POST

    package func post(_ request: Request, _ context: MCPRequestContext) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        let body = try await server.readJSONBody(request).get()
        let accept = AcceptHeader(request.headers[.accept])
        guard let sessionID = request.headers[Self.sessionHeader] else {
            if case .array = body {
                return HTTPReplies.error(
                    .badRequest, .invalidRequest("Invalid request: initialize cannot be part of a batch"))
            }
            let message = JSONRPCMessage(body)
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
        if case .array(let items) = body {
            return await batch(items, session: session, context: context)
        }
        let message = JSONRPCMessage(body)
        switch message {
        case .request(let id, Initialize.name, _):
            return HTTPReplies.error(
                .badRequest, .invalidRequest("Invalid request: the session is already initialized"),
                id: id)
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
    private func batch(_ items: [JSONValue], session: MCPSession, context: MCPRequestContext) async -> Response {
        if let refusal = JSONRPCBatch.refusal(items, protocolVersion: session.protocolVersion) {
            return HTTPReplies.error(.badRequest, refusal)
        }
        let messages = items.map(JSONRPCMessage.init)
        let hasRequests = messages.contains { if case .request = $0 { true } else { false } }
        let answers = await server.runBatch(messages, session: session, channel: hasRequests ? context.channel : nil)
        if answers.isEmpty { return hasRequests ? HTTPReplies.noAnswer() : HTTPReplies.accepted() }
        return HTTPReplies.json(.ok, JSONRPCEncoding.batch(answers))
    }

    private func initialize(id: JSONRPCID, message: JSONRPCMessage, principal: Principal, accept: AcceptHeader) async
        -> Response
    {
        guard accept.allowsPOSTAnswers else { return notAcceptable() }
        if case .failure(let cap) = server.sessions.reserve(for: principal.userID) {
            return HTTPReplies.capacityReached(cap)
        }
        let session = MCPSession(id: MCPSession.newID(), transport: .streamableHTTP, owner: principal)
        let answer = await server.dispatcher.handle(message, session: session, requestID: server.dispatcher.requestIDs.next()) ?? []
        guard Self.isSuccess(answer) else {
            server.sessions.cancelReservation(for: principal.userID)
            return HTTPReplies.json(.badRequest, answer)
        }
        server.sessions.activate(session)
        return HTTPReplies.json(.ok, answer, headers: [Self.sessionHeader: session.id])
    }

    // MARK: GET

    package func get(_ request: Request, _ context: MCPRequestContext) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        guard AcceptHeader(request.headers[.accept]).allowsEventStream else { return notAcceptable() }
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        let session = try lookup(sessionID, principal: principal).get()
        if let failure = checkVersionHeader(request) { return failure }
        // A newer stream replaces an older one the client lost track of (MCP: one stream at a time).
        guard let opened = session.openOutbound() else { return HTTPReplies.error(.notFound, .sessionNotFound()) }
        return server.streamResponse(session, opened, channel: context.channel, first: nil) {}
    }

    // MARK: DELETE

    package func delete(_ request: Request) async throws(HTTPRejection) -> Response {
        let principal = try await server.admit(request).get()
        guard let sessionID = request.headers[Self.sessionHeader] else {
            return HTTPReplies.error(.badRequest, .server("Bad Request: Mcp-Session-Id header is required"))
        }
        guard let session = server.sessions.session(sessionID) else {
            return HTTPReplies.error(.notFound, .sessionNotFound())
        }
        guard session.userID == principal.userID else {
            return HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user"))
        }
        server.sessions.close(session, reason: "deleted by client")
        return Response(status: .ok, headers: [.contentLength: "0"])
    }

    // MARK: Helpers

    /// The session, when it exists and belongs to `principal`'s user (whose newest token it
    /// takes, see ``SessionStore/admit(_:to:)``).
    private func lookup(_ id: String, principal: Principal) -> Result<MCPSession, HTTPRejection> {
        guard let session = server.sessions.session(id), session.transport == .streamableHTTP else {
            return .reject(HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        guard server.sessions.admit(principal, to: session) else {
            return .reject(HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user")))
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
