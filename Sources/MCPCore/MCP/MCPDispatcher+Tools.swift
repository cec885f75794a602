import Foundation
import JSONCore

/// `tools/list` and `tools/call`, for a caller of either era.
extension MCPDispatcher {
    /// One page of the user's tools, serialized (pages are made once per list and reused): every
    /// tool, or in search mode the meta-tools and pinned tools (``ToolPresentation``).
    package func listTools(_ params: JSONValue?, caller: Caller, requestID: String) async -> Result<
        [UInt8], JSONRPCError
    > {
        var cursor: ToolListCursor?
        if let value = params?["cursor"], value != .null {
            guard let text = value.stringValue, let parsed = ToolListCursor(encoded: text) else {
                return .failure(.invalidParams("Invalid params: unknown cursor"))
            }
            cursor = parsed
        }
        let current: CurrentList
        switch await currentList(caller: caller, requestID: requestID, for: "tools/list") {
        case .success(let found): current = found
        case .failure(let error): return .failure(error)
        }
        let snapshot = current.snapshot
        guard
            let page = await snapshot.page(
                cursor: cursor, paging: current.paging, version: caller.protocolVersion,
                listing: current.presentation.listing(for: caller, count: snapshot.tools.count),
                offloader: current.offloader)
        else {
            return .failure(
                .invalidParams("Invalid params: unknown cursor (the tool list may have changed; list again)"))
        }
        return .success(page)
    }

    /// The user's list now, with what the registry it came from serves it with.
    struct CurrentList {
        var snapshot: ToolSnapshot
        var paging: ToolSnapshot.Paging
        var offloader: any Offloader
        var presentation: ToolPresentation
    }

    /// The user's list from the registry serving now; -32603 naming what failed when it cannot
    /// be had (logged as `purpose`'s failure).
    func currentList(caller: Caller, requestID: String, for purpose: String) async -> Result<
        CurrentList, JSONRPCError
    > {
        let listed: Result<CurrentList, RegistryError> = await registry.withCurrent { registry in
            do throws(RegistryError) {
                let snapshot = try await registry.snapshot(for: caller.identity, requestID: requestID)
                return .success(
                    CurrentList(
                        snapshot: snapshot, paging: registry.paging, offloader: registry.offloader,
                        presentation: registry.presentation))
            } catch {
                return .failure(error)
            }
        }
        return listed.mapError { error in
            logger.error("\(purpose) failed: \(error)", metadata: ["request": "\(requestID)"])
            return .internalError(Self.clientMessage(for: error))
        }
    }

    /// Runs a `tools/call`. `routing` (2026-07-28 over HTTP) holds the `Mcp-Param-*` headers
    /// checked against the tool's mirrored arguments before anything else about them.
    ///
    /// A call on an integration the user has not connected answers, by what the caller can show:
    /// `input_required` with a URL elicitation and a sealed `requestState` (2026-07-28, client
    /// declared `elicitation.url`), error -32042 with a URL elicitation (2025-11-25 with
    /// `elicitation.url`), else a text result with the setup link. A retry carrying the
    /// `requestState` runs the call again: complete once the user has connected, else
    /// `input_required` again with the same state.
    package func callTool(
        _ params: JSONValue?, caller: Caller, requestID: String, routing: RoutingHeaders? = nil
    ) async -> Result<Payload, JSONRPCError> {
        guard let name = params?["name"]?.stringValue else {
            return .failure(.invalidParams("Invalid params: tools/call needs a tool name"))
        }
        var arguments = params?["arguments"] ?? .object([:])
        guard arguments.objectValue != nil || arguments == .null else {
            return .failure(.invalidParams("Invalid params: arguments must be an object"))
        }
        if arguments == .null { arguments = .object([:]) }
        if let meta = MetaTool(rawValue: name) {
            return await callMetaTool(meta, arguments: arguments, params: params, caller: caller, requestID: requestID)
        }
        let user = caller.identity
        var resumed: ResumableCalls.Resumed?
        if caller.era == .stateless, let state = params?["requestState"], state != .null {
            switch await resume(
                state, inputResponses: params?["inputResponses"], name: name, arguments: arguments, user: user)
            {
            case .failure(let error): return .failure(error)
            case .success(.declined(let integration)):
                let displayName = await connectionSetup.displayName(of: integration, token: user.token)
                return .success(
                    .value(
                        ToolCallResponse.errorResult(
                            "The user did not connect \(displayName), so \(name) was not run.")))
            case .success(.resumed(let call)): resumed = call
            }
        }
        let started = ContinuousClock.now
        let call = arguments
        let result = await registry.withCurrent { registry in
            await registry.call(name, arguments: call, for: user, requestID: requestID) { tool, arguments in
                routing?.paramMismatch(tool.headerArguments, arguments: arguments)
            }
        }
        metrics.toolCall(result, duration: .now - started)
        if let resumed, !Self.completes(result) {
            // The call did not complete (refused before the provider ran, cancelled, or still
            // waiting for the account): the retry's state is not spent.
            await resumable?.release(resumed)
        }
        if case .outcome(_, .needsConnection(let integration), _) = result {
            return await needsConnection(
                integration, result: result, tool: name, arguments: call, caller: caller, resumed: resumed,
                requestID: requestID)
        }
        return ToolCallResponse.make(result, version: caller.protocolVersion, logger: logger, requestID: requestID)
    }

    /// Whether `result` spends the `requestState` of the retry it answers: the provider ran the
    /// call to an answer (not cancelled, and not waiting for a connection again).
    private static func completes(_ result: ToolCallResult) -> Bool {
        guard case .outcome(_, let outcome, _) = result, !Task.isCancelled else { return false }
        switch outcome {
        case .cancelled, .needsConnection: return false
        default: return true
        }
    }

    /// What a retry's `requestState` allows: the call (the state spent until it completes), or
    /// nothing when the user declined to connect; -32602 for a state that is not a valid one of
    /// this user's, for this call.
    private enum Resumption {
        case resumed(ResumableCalls.Resumed)
        case declined(integration: String)
    }

    private func resume(
        _ state: JSONValue, inputResponses: JSONValue?, name: String, arguments: JSONValue, user: UserIdentity
    ) async -> Result<Resumption, JSONRPCError> {
        guard let resumable, let text = state.stringValue else {
            return .failure(.invalidParams("Invalid params: requestState is not one this server issued"))
        }
        let resumed: ResumableCalls.Resumed
        do throws(RequestStateError) {
            resumed = try await resumable.resume(text, userID: user.userID, tool: name, arguments: arguments)
        } catch .ledgerUnavailable {
            return .failure(.internalError(RequestStateError.ledgerUnavailable.message))
        } catch {
            return .failure(.invalidParams("Invalid params: \(error.message)"))
        }
        switch Self.connectAction(inputResponses) {
        case .failure(let error):
            await resumable.release(resumed)
            return .failure(error)
        case .success("decline"), .success("cancel"):
            await resumable.release(resumed)
            return .success(.declined(integration: resumed.state.integration))
        case .success:
            return .success(.resumed(resumed))
        }
    }

    /// The user's answer to the connect request in a retry's `inputResponses`: `accept`,
    /// `decline` or `cancel` (MCP 2026-07-28, elicitation results), nil when none is given (a
    /// retry carrying only the state); -32602 for another key or action, which would otherwise
    /// read as no answer and ask again forever.
    private static func connectAction(_ responses: JSONValue?) -> Result<String?, JSONRPCError> {
        guard let responses, responses != .null else { return .success(nil) }
        guard let object = responses.objectValue else {
            return .failure(.invalidParams("Invalid params: inputResponses must be an object"))
        }
        if let other = object.keys.sorted().first(where: { $0 != ResumableCalls.inputKey }) {
            return .failure(
                .invalidParams(
                    "Invalid params: inputResponses names \(other); this server asked for \(ResumableCalls.inputKey)"))
        }
        guard let response = object[ResumableCalls.inputKey] else { return .success(nil) }
        guard let action = response["action"]?.stringValue, ["accept", "decline", "cancel"].contains(action) else {
            return .failure(
                .invalidParams(
                    "Invalid params: inputResponses.\(ResumableCalls.inputKey).action must be accept, decline or cancel"
                ))
        }
        return .success(action)
    }

    /// The answer to a call that needs `integration` connected (see ``callTool(_:caller:requestID:routing:)``).
    private func needsConnection(
        _ integration: String, result: ToolCallResult, tool: String, arguments: JSONValue, caller: Caller,
        resumed: ResumableCalls.Resumed?, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        let user = caller.identity
        let displayName = await connectionSetup.displayName(of: integration, token: user.token)
        let prompt = ConnectPrompt(caller: caller, resumable: resumable != nil)
        let elicitationID = prompt == .urlElicitationError ? MCPSession.newID() : nil
        let link: String?
        do {
            link = try await connectionSetup.link(
                userID: user.userID, integration: integration, elicitationID: elicitationID)
            metrics.setupLinkIssued()
        } catch {
            logger.error("could not sign a setup link: \(error)", metadata: ["request": "\(requestID)"])
            link = nil
        }
        let message = "Connect your \(displayName) account to continue."
        switch (prompt, link) {
        case (.inputRequired, let link?):
            guard let resumable else { break }
            let state =
                resumed?.text
                ?? resumable.issue(userID: user.userID, tool: tool, arguments: arguments, integration: integration)
            return .success(.value(ConnectPrompt.inputRequired(url: link, message: message, requestState: state)))
        case (.urlElicitationError, let link?):
            return .failure(
                .urlElicitationRequired(
                    "This request needs the user to connect \(displayName) first.",
                    elicitations: [
                        ConnectPrompt.elicitation(url: link, message: message, elicitationID: elicitationID)
                    ]))
        default:
            break
        }
        return ToolCallResponse.make(
            result, version: caller.protocolVersion, setupLink: link, displayName: displayName,
            linkMinutes: connectionSetup.linkLifetimeSeconds / 60, logger: logger, requestID: requestID)
    }
}
