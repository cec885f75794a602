import JSONCore
import Logging
import MCP
import Observability

/// Answers MCP requests for a session: the same logic behind every transport.
package struct MCPDispatcher: Sendable {
    /// The registry serving now; a reload replaces it.
    package let registry: LiveRegistry
    /// Setup links and display names for calls that need an account connected.
    package let connectionSetup: any ConnectionSetup
    /// Ids of the requests this dispatcher runs.
    package let requestIDs = RequestIDs()
    /// Sealing and spending the `requestState` of calls that wait for a connection (2026-07-28);
    /// nil: such calls answer with a setup link as text, whatever the client.
    package let resumable: ResumableCalls?
    /// `ttlMs` of a 2026-07-28 `tools/list` result: how long a client may reuse it.
    package let listTTLMs: Int
    /// What every 2026-07-28 `tools/list` page is stamped with (its cache hints among it),
    /// encoded once.
    package let listStamp: StatelessResult.Stamp
    package let metrics: ServerMetrics
    package let logger: Logger
    /// Told of a `notifications/cancelled` whose request is not in flight here: in cluster mode
    /// another instance may be running it (the client's requests of one session reach any).
    package let cancelledElsewhere: (@Sendable (JSONRPCID, MCPSession) -> Void)?
    package static let serverName = "paragon-mcp"
    package static let instructions = """
        Tools act on the user's connected SaaS accounts through Paragon. When a tool answers that \
        an integration is not connected, show the user the link it gives so they can connect it, \
        then try again. When the tools listed are SEARCH_TOOLS and CALL_TOOL, search for the tool \
        that fits the task, then run it with CALL_TOOL.
        """

    package init(
        registry: LiveRegistry, connectionSetup: any ConnectionSetup, metrics: ServerMetrics,
        logger: Logger, resumable: ResumableCalls? = nil, listTTLMs: Int = 60_000,
        cancelledElsewhere: (@Sendable (JSONRPCID, MCPSession) -> Void)? = nil
    ) {
        self.cancelledElsewhere = cancelledElsewhere
        self.registry = registry
        self.resumable = resumable
        self.listTTLMs = listTTLMs
        self.listStamp = StatelessResult.Stamp(extra: StatelessResult.cacheHints(ttlMs: listTTLMs))
        self.connectionSetup = connectionSetup
        self.metrics = metrics
        self.logger = logger
    }

    /// Handles one message; returns the response to send, or nil when none is due.
    package func handle(_ message: JSONRPCMessage, session: MCPSession, requestID: String) async -> [UInt8]? {
        switch message {
        case .request(let id, let method, let params):
            return await respond(id: id, method: method, params: params, session: session, requestID: requestID)
        case .notification(let method, let params):
            notify(method: method, params: params, session: session)
            return nil
        case .response:
            return nil
        case .invalid(let id, let reason):
            let error = JSONRPCError.invalidRequest("Invalid request: \(reason)")
            metrics.mcpRequest(method: "", error: error)
            return JSONRPCEncoding.error(id: id, error)
        }
    }

    /// A message read and, if it is a request, registered with its session (see ``begin(_:session:)``).
    package struct Begun: Sendable {
        package var message: JSONRPCMessage
        /// The registered request; nil for other messages and for an id already in flight.
        package var request: InFlightRequest?
    }

    /// The first step of running a message, synchronous so that requests are registered in the
    /// order they are read: a `notifications/cancelled` read later always finds its request.
    package func begin(_ message: JSONRPCMessage, session: MCPSession) -> Begun {
        guard case .request(let id, _, _) = message else { return Begun(message: message) }
        return Begun(message: message, request: InFlightRequest.register(id, in: session))
    }

    /// Runs `message` (``begin(_:session:)`` then the rest).
    package func run(
        _ message: JSONRPCMessage, session: MCPSession,
        watch: (Task<[UInt8]?, Never>) -> (@Sendable () -> Void)? = { _ in nil }
    ) async -> [UInt8]? {
        await run(begin(message, session: session), session: session, watch: watch)
    }

    /// Runs a begun message: a request in a task of its own, cancellable by
    /// `notifications/cancelled` and by the caller's cancellation; `watch` may arrange more
    /// (cancel on a client disconnect) and returns how to undo it. Returns the answer; nil for
    /// a request the client cancelled (MCP, cancellation: the receiver should not answer it),
    /// and for a message that is not a request.
    package func run(
        _ begun: Begun, session: MCPSession,
        watch: (Task<[UInt8]?, Never>) -> (@Sendable () -> Void)? = { _ in nil }
    ) async -> [UInt8]? {
        let requestID = requestIDs.next()
        let message = begun.message
        guard case .request(let id, _, _) = message else {
            return await handle(message, session: session, requestID: requestID)
        }
        guard let request = begun.request else {
            return JSONRPCEncoding.error(id: id, .invalidRequest("Invalid request: id \(id) is already in use"))
        }
        return await run(request, session: session, watch: watch) {
            await self.handle(message, session: session, requestID: requestID)
        }
    }

    /// Runs a registered request's `answer` in a task of its own, cancellable by
    /// `notifications/cancelled` and by the caller's cancellation, `watch` arranging more;
    /// returns the answer, nil when the client cancelled the request.
    package func run(
        _ request: InFlightRequest, session: MCPSession,
        watch: (Task<[UInt8]?, Never>) -> (@Sendable () -> Void)? = { _ in nil },
        answer: @escaping @Sendable () async -> [UInt8]?
    ) async -> [UInt8]? {
        let task = Task { await answer() }
        request.start(task)
        let unwatch = watch(task)
        let result = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        unwatch?()
        return session.unregister(request.id) ? nil : result
    }

    package func respond(
        id: JSONRPCID, method: String, params: JSONValue?, session: MCPSession, requestID: String
    ) async -> [UInt8] {
        let answer = await answer(method: method, params: params, session: session, requestID: requestID)
        switch answer {
        case .success(.serialized(let bytes)):
            metrics.mcpRequest(method: method, error: nil)
            return JSONRPCEncoding.result(id: id, serialized: bytes)
        case .success(.value(let value)):
            metrics.mcpRequest(method: method, error: nil)
            return JSONRPCEncoding.result(id: id, value)
        case .failure(let error):
            metrics.mcpRequest(method: method, error: error)
            return JSONRPCEncoding.error(id: id, error)
        }
    }

    /// A result: a JSON value, or one already serialized (tool-list pages are made once).
    package enum Payload {
        case value(JSONValue)
        case serialized([UInt8])
    }

    package func answer(
        method: String, params: JSONValue?, session: MCPSession, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        if method == ListTools.name {
            let page = await listTools(params, caller: session.caller, requestID: requestID)
            if Task.isCancelled { return .failure(.requestCancelled()) }
            return page.map(Payload.serialized)
        }
        if method == CallTool.name {
            let result = await callTool(params, caller: session.caller, requestID: requestID)
            if Task.isCancelled { return .failure(.requestCancelled()) }
            return result
        }
        let result: Result<JSONValue, JSONRPCError>
        switch method {
        case Initialize.name:
            result = initialize(params, session: session)
        case Ping.name:
            result = .success(.object([:]))
        case "logging/setLevel":
            result = .success(.object([:]))
        default:
            result = .failure(.methodNotFound(method))
        }
        // A cancelled request may have failed on its way (a listing cut short): say why.
        if Task.isCancelled, method != Initialize.name { return .failure(.requestCancelled()) }
        return result.map(Payload.value)
    }

    package func notify(method: String, params: JSONValue?, session: MCPSession) {
        switch method {
        case InitializedNotification.name:
            session.state.withLock { $0.initialized = true }
        case CancelledNotification.name:
            if let requestID = params?["requestId"].flatMap(JSONRPCID.init), !session.cancel(requestID) {
                cancelledElsewhere?(requestID, session)
            }
        default:
            break
        }
    }

    // MARK: Methods

    package func initialize(_ params: JSONValue?, session: MCPSession) -> Result<JSONValue, JSONRPCError> {
        guard let requested = params?["protocolVersion"]?.stringValue else {
            return .failure(.invalidParams("Invalid params: initialize needs a protocolVersion string"))
        }
        let version = ProtocolVersion.negotiate(requested)
        session.state.withLock { state in
            state.protocolVersion = version
            state.clientName = params?["clientInfo"]?["name"]?.stringValue ?? ""
            state.capabilities = ClientCapabilities(params?["capabilities"])
        }
        return .success([
            "protocolVersion": .string(version),
            "capabilities": ["tools": ["listChanged": true]],
            "serverInfo": ["name": .string(Self.serverName), "version": .string(HostVersion.current)],
            "instructions": .string(Self.instructions),
        ])
    }

    /// What a client may learn of a listing failure: which provider, and the upstream status.
    /// Never the upstream's words: an error page or a message meant for the operator (logged).
    package static func clientMessage(for error: RegistryError) -> String {
        "Could not list tools: " + clientReason(for: error)
    }

    private static func clientReason(for error: RegistryError) -> String {
        switch error {
        case .everyListingFailed(let failures):
            return failures.map(clientReason).joined(separator: "; ")
        case .listingFailed(let provider, .upstreamFailure(let status, _)):
            return "provider \(provider) got an upstream error"
                + (status == 0 ? " (the upstream could not be reached)" : " (HTTP \(status))")
        case .listingFailed(let provider, .timedOut):
            return "provider \(provider) did not answer in time"
        case .listingFailed(let provider, _), .invalidToolList(let provider, _):
            return "provider \(provider) failed"
        case .duplicateTool:
            return "the server's providers conflict"
        }
    }
}
