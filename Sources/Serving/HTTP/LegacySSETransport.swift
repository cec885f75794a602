import Hummingbird
import JSONCore
import MCPCore
import NIOCore

/// The 2024-11-05 HTTP+SSE transport: `GET /sse` opens a session's stream, whose first event
/// names the URL for `POST /messages?sessionId=...`; every answer travels on the stream.
/// Unlike the TypeScript server, posting requires a token of the stream's user: knowing a
/// session id is not enough to act as its user.
package struct LegacySSETransport: Sendable {
    package let server: MCPServer

    package init(server: MCPServer) {
        self.server = server
    }

    /// Both routes go on `admitted` (behind ``AdmissionMiddleware``).
    package func register(on admitted: RouterGroup<AdmittedMCPContext>) {
        admitted.get("/sse") { request, context in try await open(request, context) }
        admitted.post("/messages") { request, context in try await post(request, context) }
    }

    /// Opens a session with its stream (see ``SessionOpening``); 500 when the stream cannot open.
    package func open(_ request: Request, _ context: AdmittedMCPContext) async throws(HTTPRejection) -> Response {
        let (session, opened) = try await server.opening.open(for: context.principal, on: .legacySSE) {
            session throws(HTTPRejection) in
            session.state.withLock { $0.toolMode = context.toolMode }
            guard let opened = session.openOutbound() else {
                throw HTTPRejection(response: HTTPReplies.internalError())
            }
            return opened
        }
        let sessions = server.sessions, directory = server.opening.directory
        let endpoint = SSEBody.event("endpoint", data: messagesEndpoint(session, request: request))
        return server.streamResponse(session, opened, channel: context.channel, first: endpoint) {
            // The client went away (or the session closed): nothing is left behind, here or in
            // the cluster's store.
            sessions.close(session, reason: "SSE stream ended")
            if let directory {
                Task { _ = await directory.end(session.id, userID: session.userID, deferring: true) }
            }
        }
    }

    /// Where the client posts its messages, as the `endpoint` event announces it: a reference
    /// relative to the stream's own URL (RFC 3986 §5; the official SDKs resolve it so), so that it
    /// names `/messages` for a client that reached `/sse` directly and `/paragon/messages` for one
    /// that came through a proxy mounting the server at `/paragon`. It carries the development
    /// user when the stream was opened with `?user=`, so that the posts authenticate as the
    /// stream did.
    package func messagesEndpoint(_ session: MCPSession, request: Request) -> String {
        var endpoint = "messages?sessionId=" + session.id
        if request.headers[.authorization] == nil, let user = request.uri.queryParameters["user"] {
            endpoint += "&user=" + QueryEncoding.component(String(user))
        }
        return endpoint
    }

    package func post(_ request: Request, _ context: AdmittedMCPContext) async throws(HTTPRejection) -> Response {
        guard let id = request.uri.queryParameters["sessionId"].map(String.init), !id.isEmpty else {
            return HTTPReplies.json(.badRequest, JSONValue.object(["error": "sessionId is required"]).encoded())
        }
        guard let session = server.sessions.session(id), session.transport == .legacySSE else {
            return try await relay(request, to: id, of: context.principal)
        }
        guard server.sessions.admit(context.principal, to: session) else {
            return HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user"))
        }
        await deliver(try await server.readJSONBody(request), to: session)
        return HTTPReplies.acceptedText()
    }

    /// A message for a session this instance does not hold: in cluster mode it goes to the
    /// instance that holds the session's stream (202 once handed on; 503 when the store does
    /// not answer); else, or when no instance holds it for that user, 404.
    private func relay(_ request: Request, to id: String, of principal: Principal) async throws(HTTPRejection)
        -> Response
    {
        let notFound = HTTPReplies.json(
            .notFound, JSONValue.object(["error": "No transport found for sessionId"]).encoded())
        guard let directory = server.opening.directory else { return notFound }
        let body = try await server.readJSONBody(request)
        do throws(SessionDirectoryError) {
            let relayed = try await directory.relay(body.encoded(), to: id, userID: principal.userID)
            return relayed ? HTTPReplies.acceptedText() : notFound
        } catch {
            return HTTPReplies.storeUnavailable("the message cannot be handed to the session's instance")
        }
    }

    /// Handles a client message of `session` (posted here, or relayed from another instance):
    /// its answers go on the session's stream. Returns once a request is registered and a
    /// notification handled, so that a cancellation posted after this message always finds its
    /// request.
    package func deliver(_ body: JSONValue, to session: MCPSession) async {
        let message = JSONRPCMessage(body)
        if let refused = SessionOpening.refusedInitialize(message, on: session) {
            session.send(JSONRPCEncoding.error(id: refused.id, refused.error))
            return
        }
        let server = self.server
        if case .array(let items) = body {
            if let refusal = JSONRPCBatch.refusal(items, protocolVersion: session.protocolVersion) {
                session.send(JSONRPCEncoding.error(id: nil, refusal))
            } else {
                let begun = items.map { server.dispatcher.begin(JSONRPCMessage($0), session: session) }
                Task {
                    let answers = await server.runBatch(begun, session: session, channel: nil)
                    if !answers.isEmpty { session.send(JSONRPCEncoding.batch(answers)) }
                }
            }
            return
        }
        let begun = server.dispatcher.begin(message, session: session)
        guard case .request = begun.message else {
            if let answer = await server.run(begun, session: session, channel: nil) { session.send(answer) }
            return
        }
        Task {
            if let answer = await server.run(begun, session: session, channel: nil) {
                session.send(answer)
            }
        }
    }
}
