import Auth
import Foundation
import Hummingbird
import JSONCore
import Logging
import MCPCore
import NIOCore
import Observability
import Settings
import Synchronization

/// What the HTTP and stdio transports share: authentication, sessions, the dispatcher.
package final class MCPServer: Sendable {
    package let config: HostConfig
    package let authenticator: Authenticator
    package let sessions: SessionStore
    /// How the HTTP transports open their sessions.
    package let opening: SessionOpening
    /// How a session another instance opened is served here; nil for a single instance.
    package let takeover: SessionTakeover?
    package let dispatcher: MCPDispatcher
    package let setupLinks: SetupLinks
    package let metrics: ServerMetrics
    package let readiness: ReadinessState
    package let policy: HTTPAccessPolicy
    package let watcher = ConnectionWatcher()
    /// The HTTP listener's connection cap and timeouts.
    package let connections: ConnectionLimiter
    /// The open `subscriptions/listen` streams of 2026-07-28 clients.
    package let subscriptions = ListSubscriptions()
    /// Sessions outside the HTTP session store (stdio's), told of tool-list changes too.
    package let localSessions = Mutex<[MCPSession]>([])
    package let logger: Logger
    /// How often an idle SSE stream gets a keep-alive comment.
    package let keepAlive: Duration

    /// Display names of the project's integrations, for setup pages and texts.
    package let integrationNames: IntegrationNames
    /// Which integrations users have connected, for search mode; nil: unknown.
    package let connectedIntegrations: ConnectedIntegrations?
    /// The other instances of the deployment, in cluster mode; nil: a single instance.
    package let cluster: (any ClusterLink)?

    package init(
        config: HostConfig, authenticator: Authenticator, registry: ToolRegistry, setupLinks: SetupLinks,
        integrationNames: IntegrationNames, logger: Logger, keepAlive: Duration = .seconds(15),
        metrics: ServerMetrics = ServerMetrics(), readiness: Readiness = .ready,
        time: any TimeSource = EventLoopTimeSource(), resumable: ResumableCalls? = nil,
        connectedIntegrations: ConnectedIntegrations? = nil, cluster: (any ClusterLink)? = nil
    ) {
        self.integrationNames = integrationNames
        self.connectedIntegrations = connectedIntegrations
        self.cluster = cluster
        self.config = config
        self.authenticator = authenticator
        self.setupLinks = setupLinks
        self.metrics = metrics
        self.readiness = ReadinessState(readiness)
        self.sessions = SessionStore(
            maxSessions: config.server.maxSessions, maxSessionsPerUser: config.server.maxSessionsPerUser,
            idleTimeoutMs: config.server.sessionIdleTimeoutMs, logger: logger, metrics: metrics,
            time: time)
        let sessions = self.sessions
        self.opening = SessionOpening(sessions: sessions, directory: cluster?.sessions)
        self.takeover = cluster.map { cluster in
            SessionTakeover(sessions: sessions, directory: cluster.sessions, metrics: metrics, logger: logger)
        }
        self.dispatcher = MCPDispatcher(
            registry: LiveRegistry(registry),
            connectionSetup: SetupGuide(
                links: setupLinks, names: integrationNames, connections: connectedIntegrations),
            metrics: metrics, logger: logger, resumable: resumable,
            listTTLMs: config.toolLists.cacheTTLSeconds * 1000,
            cancelledElsewhere: cluster.map(Self.cancellationRelay))
        self.policy = HTTPAccessPolicy(server: config.server)
        self.connections = ConnectionLimiter(settings: config.server, logger: logger, metrics: metrics)
        self.logger = logger
        self.keepAlive = keepAlive
    }

    /// A cancellation of a request not in flight here, for the other instances: only Streamable
    /// HTTP sessions are served by several.
    private static func cancellationRelay(
        _ cluster: any ClusterLink
    ) -> @Sendable (JSONRPCID, MCPSession) -> Void {
        { requestID, session in
            guard session.transport == .streamableHTTP else { return }
            Task { await cluster.requestCancelled(requestID, sessionID: session.id) }
        }
    }

    /// Reads a POST body as one JSON value: JSON content type, no content coding, at most
    /// 4 MB (refused without reading it all), well-formed. Refusals carry -32000 in the
    /// handshake era (as the TypeScript server sends them) and -32600 at 2026-07-28, which
    /// retired the implementation range.
    package func readJSONBody(_ request: Request, era: ProtocolEra = .handshake) async throws(HTTPRejection)
        -> JSONValue
    {
        if let refusal = Self.contentTypeRefusal(request.headers[.contentType], era: era) {
            throw HTTPRejection(response: refusal)
        }
        if let encoding = request.headers[.contentEncoding], encoding.lowercased() != "identity" {
            throw HTTPRejection(
                response: HTTPReplies.error(
                    .unsupportedMediaType,
                    Self.transportError("Unsupported Media Type: Content-Encoding is not supported", era: era)))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > HTTPLimits.maxBodyBytes {
            throw Self.bodyTooLarge(era)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: HTTPLimits.maxBodyBytes)
        } catch {
            throw Self.bodyTooLarge(era)
        }
        guard let value = try? JSONValue.parse(buffer.readableBytesView) else {
            throw HTTPRejection(response: HTTPReplies.error(.badRequest, .parseError()))
        }
        return value
    }

    private static func bodyTooLarge(_ era: ProtocolEra) -> HTTPRejection {
        HTTPRejection(
            response: HTTPReplies.error(.contentTooLarge, transportError("Request body too large", era: era)))
    }

    /// A refusal before JSON-RPC: -32000 in the handshake era, -32600 at 2026-07-28.
    package static func transportError(_ message: String, era: ProtocolEra) -> JSONRPCError {
        era == .stateless ? .invalidRequest(message) : .server(message)
    }

    /// Why a `Content-Type` is refused: not JSON, or JSON in a charset other than UTF-8; nil for
    /// JSON (the exact `application/json` most clients send is taken without parsing).
    package static func contentTypeRefusal(_ header: String?, era: ProtocolEra = .handshake) -> Response? {
        if header == "application/json" { return nil }
        let contentType = header?.lowercased() ?? ""
        let parameters = contentType.split(separator: Character(";"))
        guard parameters.first.map({ String($0.trimmingSpaces) }) == "application/json" else {
            return HTTPReplies.error(
                .unsupportedMediaType,
                transportError("Unsupported Media Type: Content-Type must be application/json", era: era))
        }
        if let charset = parameters.dropFirst().first(where: { $0.contains("charset=") }), !charset.contains("utf-8") {
            return HTTPReplies.error(
                .unsupportedMediaType, transportError("Unsupported Media Type: charset must be utf-8", era: era))
        }
        return nil
    }

    /// Runs a message of `session`: a request is cancellable by `notifications/cancelled` and by
    /// its client disconnecting, and keeps the session busy meanwhile. Returns the answer to
    /// send; nil for a notification or a response, and for a request the client cancelled (MCP,
    /// cancellation: the receiver should not answer it).
    package func run(
        _ message: JSONRPCMessage, session: MCPSession, channel: (any Channel)?
    ) async -> [UInt8]? {
        await run(dispatcher.begin(message, session: session), session: session, channel: channel)
    }

    /// Runs a message begun (registered) with ``MCPDispatcher/begin(_:session:)``.
    package func run(_ begun: MCPDispatcher.Begun, session: MCPSession, channel: (any Channel)?) async -> [UInt8]? {
        guard case .request = begun.message else {
            return await dispatcher.run(begun, session: session)
        }
        sessions.requestStarted(session)
        defer { sessions.requestFinished(session) }
        let watcher = self.watcher
        return await dispatcher.run(begun, session: session) { task -> (@Sendable () -> Void)? in
            guard let channel, let token = watcher.watch(channel, cancel: { task.cancel() }) else { return nil }
            return { watcher.unwatch(channel, token: token) }
        }
    }

    /// Runs the messages of a JSON-RPC batch concurrently, each registered first in the batch's
    /// order; the answers, in that order, leave out those due none (notifications, responses,
    /// requests the client cancelled).
    package func runBatch(
        _ messages: [JSONRPCMessage], session: MCPSession, channel: (any Channel)?
    ) async -> [[UInt8]] {
        await runBatch(messages.map { dispatcher.begin($0, session: session) }, session: session, channel: channel)
    }

    /// Runs a batch whose messages were begun (registered) already.
    package func runBatch(
        _ begun: [MCPDispatcher.Begun], session: MCPSession, channel: (any Channel)?
    ) async -> [[UInt8]] {
        await JSONRPCBatch.answers(count: begun.count) { index in
            await self.run(begun[index], session: session, channel: channel)
        }
    }

    /// The SSE response carrying `session`'s server-to-client stream (as opened): the session
    /// stays busy while it is open, and the stream ends when the client hangs up or a newer
    /// stream replaces it. `whenEnded` runs after.
    package func streamResponse(
        _ session: MCPSession, _ opened: (stream: AsyncStream<[UInt8]>, generation: UInt64), channel: any Channel,
        first: ByteBuffer?, whenEnded: @escaping @Sendable () -> Void
    ) -> Response {
        let sessions = self.sessions, watcher = self.watcher
        let generation = opened.generation
        sessions.streamOpened(session)
        let token = watcher.watch(channel) { session.closeOutbound(generation: generation) }
        let body = SSEBody.body(
            first: first, stream: opened.stream, keepAlive: keepAlive, ping: { session.send([]) },
            onEnd: {
                watcher.unwatch(channel, token: token)
                session.closeOutbound(generation: generation)
                sessions.streamClosed(session)
                whenEnded()
            })
        return Response(status: .ok, headers: SSEBody.headers, body: body)
    }
}
