import JSONCore
import ParagonModel
import ToolSearch

/// The meta-tools of search mode (``MetaTool``), run by the host itself.
extension MCPDispatcher {
    /// Runs `meta`. `CALL_TOOL` goes through ``callTool(_:caller:requestID:routing:)`` with the
    /// named tool, so it meets exactly the validation, limits, guard rails, setup links and
    /// metrics of a direct call; the other two read the user's list and answer JSON (as text, and
    /// as `structuredContent` from 2025-06-18).
    func callMetaTool(
        _ meta: MetaTool, arguments: JSONValue, params: JSONValue?, caller: Caller, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        switch meta {
        case .callTool: return await callThrough(arguments, params: params, caller: caller, requestID: requestID)
        case .searchTools: return await searchTools(arguments, caller: caller, requestID: requestID)
        case .listIntegrations: return await listIntegrations(caller: caller, requestID: requestID)
        }
    }

    private func callThrough(
        _ arguments: JSONValue, params: JSONValue?, caller: Caller, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        guard let name = arguments["name"]?.stringValue, !name.isEmpty else {
            return .success(.value(ToolCallResponse.errorResult("CALL_TOOL needs the name of a tool (name).")))
        }
        guard MetaTool(rawValue: name) == nil else {
            return .success(
                .value(ToolCallResponse.errorResult("CALL_TOOL runs the tools SEARCH_TOOLS finds, not \(name).")))
        }
        let inner = arguments["arguments"] ?? .object([:])
        guard inner.objectValue != nil || inner == .null else {
            return .success(.value(ToolCallResponse.errorResult("CALL_TOOL's arguments must be an object.")))
        }
        var forwarded: [String: JSONValue] = ["name": .string(name), "arguments": inner]
        // A retry after connecting an account carries the state of the call it resumes.
        for key in ["requestState", "inputResponses"] { forwarded[key] = params?[key] }
        return await callTool(.object(forwarded), caller: caller, requestID: requestID)
    }

    private func searchTools(_ arguments: JSONValue, caller: Caller, requestID: String) async -> Result<
        Payload, JSONRPCError
    > {
        guard let query = arguments["query"]?.stringValue, !query.trimmingSpaces.isEmpty else {
            return .success(
                .value(ToolCallResponse.errorResult("SEARCH_TOOLS needs a query: the task in plain words.")))
        }
        var limit = MetaTool.defaultResults
        if let value = arguments["limit"], value != .null {
            guard let number = Self.integer(value), (1...MetaTool.maxResults).contains(number) else {
                return .success(
                    .value(ToolCallResponse.errorResult("SEARCH_TOOLS' limit must be 1 to \(MetaTool.maxResults).")))
            }
            limit = number
        }
        let snapshot: ToolSnapshot, offloader: any Offloader
        switch await currentSnapshot(caller: caller, requestID: requestID) {
        case .success(let found): (snapshot, offloader) = found
        case .failure(let error): return .failure(error)
        }
        var only: Set<String>?
        if let asked = arguments["integration"]?.stringValue, !asked.isEmpty {
            only = [Self.integrationKey(asked, among: snapshot.tools) ?? asked]
        }
        let index: ToolSearchIndex
        switch await snapshot.searchIndex(offloader: offloader) {
        case .success(let built): index = built
        case .failure(let error):
            logger.error("\(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError("Tool search is unavailable on this server; list the tools directly."))
        }
        let connected = await connectionSetup.connectedIntegrations(
            userID: caller.identity.userID, token: caller.identity.token)
        let hits: [SearchHit]
        do throws(ToolSearchError) {
            hits = try index.search(query, integrations: only, limit: limit, connected: connected ?? [])
        } catch {
            logger.error("\(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError("Tool search failed; try again."))
        }
        metrics.toolSearch(results: hits.count)
        let results = hits.map { hit -> JSONValue in
            let tool = snapshot.tool(at: hit.document)
            var object = tool.mcpJSON(version: caller.protocolVersion).objectValue ?? [:]
            object["integration"] = .string(tool.integration)
            if let connected, Self.isConnectable(tool.integration) {
                object["connected"] = .bool(connected.contains(tool.integration))
            }
            return .object(object)
        }
        var answer: [String: JSONValue] = ["query": .string(query), "tools": .array(results)]
        answer["next"] = .string(
            results.isEmpty
                ? "No tool matched. Try other words, or LIST_INTEGRATIONS to see what this server offers."
                : "Run one with CALL_TOOL: {\"name\": <tool name>, \"arguments\": {...}}.")
        return .success(.value(Self.jsonResult(.object(answer), version: caller.protocolVersion)))
    }

    private func listIntegrations(caller: Caller, requestID: String) async -> Result<Payload, JSONRPCError> {
        let snapshot: ToolSnapshot
        switch await currentSnapshot(caller: caller, requestID: requestID) {
        case .success(let found): snapshot = found.snapshot
        case .failure(let error): return .failure(error)
        }
        var counts: [String: Int] = [:]
        for tool in snapshot.tools where Self.isConnectable(tool.integration) {
            counts[tool.integration, default: 0] += 1
        }
        let connected = await connectionSetup.connectedIntegrations(
            userID: caller.identity.userID, token: caller.identity.token)
        var integrations: [JSONValue] = []
        for key in counts.keys.sorted() {
            var entry: [String: JSONValue] = [
                "integration": .string(key),
                "name": .string(await connectionSetup.displayName(of: key, token: caller.identity.token)),
                "tools": .integer(counts[key] ?? 0),
            ]
            if let connected { entry["connected"] = .bool(connected.contains(key)) }
            integrations.append(.object(entry))
        }
        return .success(
            .value(Self.jsonResult(["integrations": .array(integrations)], version: caller.protocolVersion)))
    }

    /// The user's list now, with the offloader of the registry it came from.
    private func currentSnapshot(caller: Caller, requestID: String) async -> Result<
        (snapshot: ToolSnapshot, offloader: any Offloader), JSONRPCError
    > {
        let found: Result<(ToolSnapshot, any Offloader), RegistryError> = await registry.withCurrent { registry in
            do throws(RegistryError) {
                return .success(
                    (try await registry.snapshot(for: caller.identity, requestID: requestID), registry.offloader))
            } catch {
                return .failure(error)
            }
        }
        switch found {
        case .success(let value): return .success((value.0, value.1))
        case .failure(let error):
            logger.error("listing for a meta-tool failed: \(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError(Self.clientMessage(for: error)))
        }
    }

    /// The key of the integration `text` names (its key or its name, without case), among `tools`'.
    private static func integrationKey(_ text: String, among tools: [Tool]) -> String? {
        let wanted = text.lowercased()
        let keys = Set(tools.map(\.integration))
        return keys.first { $0.lowercased() == wanted }
            ?? keys.sorted().first { IntegrationKey.spelledOut($0).lowercased() == wanted }
    }

    /// A JSON integer (`5` or `5.0`).
    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .integer(let number): return number
        case .number(let number) where number == number.rounded() && abs(number) < 1e9: return Int(number)
        default: return nil
        }
    }

    /// Whether tools of `integration` need an account of their own (not `*` nor `general`).
    private static func isConnectable(_ integration: String) -> Bool {
        integration != ToolFilter.anyIntegration && integration != Tool.generalIntegration
    }

    /// `value` as a tool result: JSON text, and `structuredContent` for 2025-06-18 and later.
    private static func jsonResult(_ value: JSONValue, version: String) -> JSONValue {
        var result: [String: JSONValue] = [
            "content": [["type": "text", "text": .string(String(decoding: value.encoded(), as: UTF8.self))]]
        ]
        if ProtocolVersion.atLeast(version, "2025-06-18") { result["structuredContent"] = value }
        return .object(result)
    }
}
