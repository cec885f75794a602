import JSONCore
import MCPCore

/// stdio at 2026-07-28: each request is a single exchange made from its own `_meta` (no
/// headers to check on a pipe); `notifications/cancelled` cancels a request or ends a listen;
/// no server-to-client message goes out but answers and listen frames.
extension StdioTransport {
    /// The era of the process: decided by the first request (a batch or a notification decides
    /// nothing), the same for every later message.
    func decideEra(_ value: JSONValue) -> ProtocolEra? {
        let (decided, isNew) = era.withLock { era -> (ProtocolEra?, Bool) in
            if let era { return (era, false) }
            guard case .request(_, _, let params) = JSONRPCMessage(value) else { return (nil, false) }
            let decided: ProtocolEra = RequestEnvelope.isStateless(params) ? .stateless : .handshake
            era = decided
            return (decided, true)
        }
        // Untagged list-change notifications are the handshake era's: none at 2026-07-28.
        if isNew, decided == .stateless { session.closeOutbound() }
        return decided
    }

    /// Reads one 2026-07-28 message, in reading order (a request is registered before a later
    /// cancellation can name it), and runs what it asks in `group`.
    func startStateless(_ value: JSONValue, in group: inout TaskGroup<Void>) {
        if case .array = value {
            write(JSONRPCEncoding.error(id: nil, .invalidRequest("Invalid request: 2026-07-28 has no batches")))
            return
        }
        let id: JSONRPCID, method: String, params: JSONValue?
        switch JSONRPCMessage(value) {
        case .request(let requestID, let name, let parameters):
            (id, method, params) = (requestID, name, parameters)
        case .notification(let method, let params):
            if method == "notifications/cancelled", let requestID = params?["requestId"].flatMap(JSONRPCID.init) {
                session.cancel(requestID)
            }
            return
        case .response:
            return
        case .invalid(let requestID, let reason):
            write(JSONRPCEncoding.error(id: requestID, .invalidRequest("Invalid request: \(reason)")))
            return
        }
        let envelope: RequestEnvelope
        switch StatelessAdmission.check(method: method, params: params, routing: nil) {
        case .success(let admitted): envelope = admitted
        case .failure(let error):
            write(JSONRPCEncoding.error(id: id, error))
            return
        }
        guard let request = InFlightRequest.register(id, in: session) else {
            write(JSONRPCEncoding.error(id: id, .invalidRequest("Invalid request: id \(id) is already in use")))
            return
        }
        let caller = Caller(
            identity: session.owner.identity, protocolVersion: envelope.protocolVersion, era: .stateless,
            capabilities: envelope.capabilities)
        if method == "subscriptions/listen" {
            // Opened here, in reading order, so that the end of input finds it and closes it.
            guard let listen = openListen(id: id, params: params, caller: caller) else { return }
            group.addTask { await self.forward(listen, request: request) }
            return
        }
        let exchange = MCPDispatcher.StatelessRequest(
            id: id, method: method, params: params, caller: caller, routing: nil)
        let dispatcher = self.dispatcher
        group.addTask {
            let answer = await dispatcher.run(request, session: self.session) {
                await dispatcher.answerStateless(exchange, requestID: dispatcher.requestIDs.next()).bytes
            }
            if let answer { self.write(answer) }
        }
    }

    /// Opens a listen on stdio and writes its acknowledgement; nil (with an error written) when
    /// the server is shutting down.
    private func openListen(id: JSONRPCID, params: JSONValue?, caller: Caller) -> (
        stream: AsyncStream<[UInt8]>, token: UInt64
    )? {
        let wantsTools: Bool
        switch ListSubscriptions.wantsToolsListChanged(params) {
        case .success(let wants): wantsTools = wants
        case .failure(let error):
            session.unregister(id)
            write(JSONRPCEncoding.error(id: id, error))
            return nil
        }
        guard let opened = subscriptions.open(userID: caller.identity.userID, id: id, toolsListChanged: wantsTools)
        else {
            session.unregister(id)
            write(JSONRPCEncoding.error(id: id, .internalError("The server is shutting down")))
            return nil
        }
        listens.withLock { _ = $0.insert(opened.token) }
        write(MCPDispatcher.listenAcknowledgement(id, toolsListChanged: wantsTools))
        return opened
    }

    /// Writes a listen's frames until the client cancels it (`notifications/cancelled` naming
    /// it), input ends, or the server stops.
    private func forward(
        _ listen: (stream: AsyncStream<[UInt8]>, token: UInt64), request: InFlightRequest
    ) async {
        let token = listen.token, subscriptions = self.subscriptions
        _ = await dispatcher.run(request, session: session) {
            await withTaskCancellationHandler {
                for await frame in listen.stream where !frame.isEmpty { self.write(frame) }
            } onCancel: {
                subscriptions.close(token)
            }
            return nil
        }
        listens.withLock { _ = $0.remove(token) }
    }
}
