import JSONCore

/// The single-exchange path of MCP 2026-07-28: each request stands alone, its caller made from
/// its own envelope; no session, no handshake.
extension MCPDispatcher {
    /// A 2026-07-28 request, admitted (see ``StatelessAdmission``).
    package struct StatelessRequest: Sendable {
        /// The JSON-RPC id the answer carries.
        package var id: JSONRPCID
        /// The JSON-RPC method.
        package var method: String
        /// The params, `_meta` included.
        package var params: JSONValue?
        /// Who asks, made from this request's envelope alone.
        package var caller: Caller
        /// The HTTP routing headers; nil on stdio.
        package var routing: RoutingHeaders?

        /// A request as admitted; `routing` nil on stdio.
        package init(id: JSONRPCID, method: String, params: JSONValue?, caller: Caller, routing: RoutingHeaders?) {
            self.id = id
            self.method = method
            self.params = params
            self.caller = caller
            self.routing = routing
        }
    }

    /// An answer: the JSON-RPC response, and its error when it is one (the HTTP status
    /// follows from the code).
    package struct StatelessReply: Sendable {
        /// The JSON-RPC response, serialized.
        package var bytes: [UInt8]
        /// The error it carries; nil for a result.
        package var error: JSONRPCError?
    }

    /// Answers `server/discover`, `tools/list` and `tools/call`; -32601 for any other method
    /// (`subscriptions/listen` is the transport's: it streams). Every result carries
    /// `resultType` and the server-info stamp.
    package func answerStateless(_ request: StatelessRequest, requestID: String) async -> StatelessReply {
        // A result is stamped as it is written out: values as values, serialized results (list
        // pages, a provider's bytes) spliced in the one pass that writes the response.
        enum Stamped {
            case value(JSONValue)
            case serialized([UInt8], StatelessResult.Stamp)
        }
        let answer: Result<Stamped, JSONRPCError>
        switch request.method {
        case "server/discover":
            answer = .success(.value(discover()))
        case "tools/list":
            answer = await listTools(request.params, caller: request.caller, requestID: requestID).map {
                .serialized($0, listStamp)
            }
        case "tools/call":
            answer = await callTool(
                request.params, caller: request.caller, requestID: requestID, routing: request.routing
            ).map { payload in
                switch payload {
                case .value(let value): .value(StatelessResult.stamped(value))
                case .serialized(let bytes): .serialized(bytes, StatelessResult.complete)
                }
            }
        case "initialize":
            // MCP 2026-07-28 checklist: name the versions in any error to initialize.
            answer = .failure(
                JSONRPCError(
                    code: -32601,
                    message: "Method not found: initialize is not part of 2026-07-28, whose requests need no "
                        + "handshake; to open a session instead, send initialize without MCP-Protocol-Version",
                    data: ["supported": .array(ProtocolEra.allVersions.map { .string($0) })]))
        default:
            answer = .failure(.methodNotFound(request.method))
        }
        let final = Task.isCancelled ? .failure(.requestCancelled()) : answer
        switch final {
        case .success(.serialized(let bytes, let stamp)):
            metrics.mcpRequest(method: request.method, error: nil)
            return StatelessReply(
                bytes: StatelessResult.response(id: request.id, result: bytes, stamp: stamp), error: nil)
        case .success(.value(let value)):
            metrics.mcpRequest(method: request.method, error: nil)
            return StatelessReply(bytes: JSONRPCEncoding.result(id: request.id, value), error: nil)
        case .failure(let error):
            metrics.mcpRequest(method: request.method, error: error)
            return StatelessReply(bytes: JSONRPCEncoding.error(id: request.id, error), error: error)
        }
    }

    /// The `server/discover` result: the versions of both eras, the tools capability with list
    /// changes (served by `subscriptions/listen`), instructions; the same for every caller,
    /// cacheable for an hour.
    package func discover() -> JSONValue {
        StatelessResult.stamped(
            [
                "supportedVersions": .array(ProtocolEra.allVersions.map { .string($0) }),
                "capabilities": ["tools": ["listChanged": true]],
                "instructions": .string(Self.instructions),
            ], extra: StatelessResult.cacheHints(ttlMs: 3_600_000))
    }

    /// The `notifications/subscriptions/acknowledged` frame opening a listen stream, and the
    /// `notifications/tools/list_changed` frames on it, tagged with the subscription id (the
    /// listen request's id; MCP 2026-07-28, subscriptions).
    package static func listenAcknowledgement(_ id: JSONRPCID, toolsListChanged: Bool) -> [UInt8] {
        var notifications: [String: JSONValue] = [:]
        if toolsListChanged { notifications["toolsListChanged"] = true }
        return JSONRPCEncoding.notification(
            "notifications/subscriptions/acknowledged",
            params: ["_meta": [RequestEnvelope.subscriptionIDKey: id.json], "notifications": .object(notifications)])
    }

    /// A `notifications/tools/list_changed` frame of the listen stream `id`.
    package static func listChanged(_ id: JSONRPCID) -> [UInt8] {
        JSONRPCEncoding.notification(
            "notifications/tools/list_changed", params: ["_meta": [RequestEnvelope.subscriptionIDKey: id.json]])
    }

    /// The result ending a listen stream gracefully (the server shuts down), tagged and stamped.
    package static func listenEnded(_ id: JSONRPCID) -> [UInt8] {
        var meta = StatelessResult.meta.objectValue ?? [:]
        meta[RequestEnvelope.subscriptionIDKey] = id.json
        return JSONRPCEncoding.result(id: id, ["resultType": "complete", "_meta": .object(meta)])
    }
}
