import JSONCore
import ToolSearch

/// The meta-tools of search mode (``MetaTool``), run by the host itself.
extension MCPDispatcher {
    /// Runs `meta` once its arguments satisfy its input schema (else a tool error naming the
    /// violations, as for any tool). `CALL_TOOL` goes through
    /// ``callTool(_:caller:requestID:routing:)`` with the named tool, so it meets exactly the
    /// validation, limits, guard rails, setup links and metrics of a direct call; the other two
    /// read the user's list and answer JSON (as text, and as `structuredContent` from 2025-06-18).
    ///
    /// `Mcp-Param-*` headers (2026-07-28) mirror the arguments of the tool a request names,
    /// here the meta-tool's, which mirrors none: the called tool's are not checked against them.
    func callMetaTool(
        _ meta: MetaTool, arguments: JSONValue, params: JSONValue?, caller: Caller, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        if let violations = MetaTool.validators[meta]?.validate(arguments), !violations.isEmpty {
            return ToolCallResponse.make(
                .invalidArguments(meta.tool(listing: []), violations.map(\.description)),
                version: caller.protocolVersion, logger: logger, requestID: requestID)
        }
        switch meta {
        case .callTool: return await callThrough(arguments, params: params, caller: caller, requestID: requestID)
        case .searchTools: return await searchTools(arguments, caller: caller, requestID: requestID)
        case .listIntegrations: return await listIntegrations(caller: caller, requestID: requestID)
        }
    }

    private func callThrough(
        _ arguments: JSONValue, params: JSONValue?, caller: Caller, requestID: String
    ) async -> Result<Payload, JSONRPCError> {
        let name = arguments["name"]?.stringValue ?? ""
        guard MetaTool(rawValue: name) == nil else {
            return .success(
                .value(ToolCallResponse.errorResult("CALL_TOOL runs the tools SEARCH_TOOLS finds, not \(name).")))
        }
        // A name the user has no tool of is the model's mistake to mend: a tool error it reads,
        // naming the closest tools, not a protocol error.
        if case .success(let current) = await currentList(caller: caller, requestID: requestID, for: "CALL_TOOL"),
            current.snapshot.tool(named: name) == nil, current.snapshot.isComplete
        {
            let (snapshot, offloader) = (current.snapshot, current.offloader)
            var text = "No tool named \(name) is available to this user."
            if case .success(let index) = await snapshot.searchIndex(offloader: offloader),
                let hits = try? await offloader.run({ () throws(ToolSearchError) -> [SearchHit] in
                    try index.search(name, limit: 3)
                }), !hits.isEmpty
            {
                text += " Did you mean " + hits.map(\.name).joined(separator: ", ") + "?"
            }
            return .success(.value(ToolCallResponse.errorResult(text + " SEARCH_TOOLS finds tools by task.")))
        }
        var forwarded: [String: JSONValue] = ["name": .string(name), "arguments": arguments["arguments"] ?? [:]]
        // A retry after connecting an account carries the state of the call it resumes.
        for key in ["requestState", "inputResponses"] { forwarded[key] = params?[key] }
        return await callTool(.object(forwarded), caller: caller, requestID: requestID)
    }

    private func searchTools(_ arguments: JSONValue, caller: Caller, requestID: String) async -> Result<
        Payload, JSONRPCError
    > {
        let query = arguments["query"]?.stringValue ?? ""
        guard !query.trimmingSpaces.isEmpty else {
            return .success(
                .value(ToolCallResponse.errorResult("SEARCH_TOOLS needs a query: the task in plain words.")))
        }
        let limit = arguments["limit"].flatMap(Self.integer) ?? MetaTool.defaultResults
        let snapshot: ToolSnapshot, offloader: any Offloader
        switch await currentList(caller: caller, requestID: requestID, for: "SEARCH_TOOLS") {
        case .success(let found): (snapshot, offloader) = (found.snapshot, found.offloader)
        case .failure(let error): return .failure(error)
        }
        let index: ToolSearchIndex
        switch await snapshot.searchIndex(offloader: offloader) {
        case .success(let built): index = built
        case .failure(let error):
            logger.error("\(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError("Tool search is unavailable on this server; list the tools directly."))
        }
        var only: Set<String>?
        if let asked = arguments["integration"]?.stringValue, !asked.trimmingSpaces.isEmpty {
            let named = index.integrations(named: asked)
            guard !named.isEmpty else {
                return .success(
                    .value(
                        ToolCallResponse.errorResult(
                            "No integration of this server is named \(asked); LIST_INTEGRATIONS names them.")))
            }
            only = named
        }
        let connected = await connectionSetup.connectedIntegrations(
            userID: caller.identity.userID, token: caller.identity.token)
        // SQLite's work blocks its thread, however briefly: off the event loops.
        let scope = only
        let hits: [SearchHit]
        do throws(ToolSearchError) {
            hits = try await offloader.run { () throws(ToolSearchError) -> [SearchHit] in
                try index.search(query, integrations: scope, limit: limit, connected: connected ?? [])
            }
        } catch {
            logger.error("\(error)", metadata: ["request": "\(requestID)"])
            return .failure(.internalError("Tool search failed; try again."))
        }
        metrics.toolSearch(results: hits.count)
        let results = hits.map { hit -> JSONValue in
            let tool = snapshot.tool(at: hit.document)
            // The tool as the newest version describes it (title, annotations): these are the
            // result's contents, which every client reads as JSON.
            var object = tool.mcpJSON(version: ProtocolVersion.latest).objectValue ?? [:]
            object["integration"] = .string(tool.integration)
            if let connected, !tool.actsOnAnyIntegration {
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
        switch await currentList(caller: caller, requestID: requestID, for: "LIST_INTEGRATIONS") {
        case .success(let found): snapshot = found.snapshot
        case .failure(let error): return .failure(error)
        }
        var counts: [String: Int] = [:]
        for tool in snapshot.tools where !tool.actsOnAnyIntegration { counts[tool.integration, default: 0] += 1 }
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

    /// A JSON integer (`5` or `5.0`).
    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .integer(let number): return number
        case .number(let number) where number == number.rounded() && abs(number) < 1e9: return Int(number)
        default: return nil
        }
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
