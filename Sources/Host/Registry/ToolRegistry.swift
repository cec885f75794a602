import JSONCore
import Logging
import Synchronization

/// Merges the tools of every loaded provider, applies the host's limits, and routes calls.
/// Lists may differ per user: providers are asked with the user's identity, and each user's
/// list is cached (see `ToolListSettings`).
public final class ToolRegistry: Sendable {
    public let providers: [ProviderInstance]
    public let filter: ToolFilter
    public let callTimeout: Duration
    public let pageSize: Int
    let logger: Logger
    let schemas: SchemaCache
    let lists: ToolListCache
    let interner = SnapshotInterner()
    /// Requests using this registry now (see ``LiveRegistry``).
    let leases = Atomic<Int>(0)

    public init(
        providers: [ProviderInstance], filter: ToolFilter, callTimeout: Duration,
        lists settings: ToolListSettings = ToolListSettings(), logger: Logger, metrics: ServerMetrics? = nil
    ) {
        self.providers = providers
        self.filter = filter
        self.callTimeout = callTimeout
        self.pageSize = settings.pageSize
        self.logger = logger
        self.schemas = SchemaCache(logger: logger)
        self.lists = ToolListCache(
            ttlSeconds: settings.cacheTTLSeconds, maxUsers: settings.cacheMaxUsers, metrics: metrics)
    }

    /// Every provider's tools for `user`, merged but not filtered. Fails when any provider fails.
    public func catalog(for user: UserIdentity, requestID: String) async throws(RegistryError) -> ToolCatalog {
        try parse(try await answers(for: user, requestID: requestID))
    }

    /// What each provider listed for `user`, unparsed, in provider order.
    private func answers(
        for user: UserIdentity, requestID: String
    ) async throws(RegistryError) -> [(provider: String, bytes: [UInt8])] {
        let results = await withTaskGroup(of: (Int, Result<[UInt8], RegistryError>).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { (index, await self.list(provider, for: user, requestID: requestID)) }
            }
            var results = [Result<[UInt8], RegistryError>?](repeating: nil, count: providers.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        var answers: [(provider: String, bytes: [UInt8])] = []
        for (provider, result) in zip(providers, results) {
            switch result! {
            case .success(let bytes): answers.append((provider.name, bytes))
            case .failure(let error): throw error
            }
        }
        return answers
    }

    private func parse(_ answers: [(provider: String, bytes: [UInt8])]) throws(RegistryError) -> ToolCatalog {
        var lists: [(provider: String, tools: [Tool])] = []
        for (provider, bytes) in answers {
            let (tools, problems) = try ToolListParser.parse(bytes, provider: provider)
            for problem in problems { logger.error("dropped a tool of provider \(provider): \(problem)") }
            lists.append((provider, tools))
        }
        let catalog = ToolCatalog(lists: lists)
        for duplicate in catalog.duplicates {
            let error = RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers)
            logger.error("\(error); serving \(duplicate.providers[0])'s")
        }
        return catalog
    }

    /// The user's tool list, ready to serve: from the cache while fresh, else fetched from the
    /// providers (once, however many requests ask at the same moment). Input schemas are
    /// compiled here, so a schema that cannot be compiled is reported at listing. A list equal
    /// to one already made (for another user) is that one.
    public func snapshot(for user: UserIdentity, requestID: String) async throws(RegistryError) -> ToolSnapshot {
        try await lists.snapshot(for: user.userID) { () async throws(RegistryError) -> ToolSnapshot in
            let answers = try await self.answers(for: user, requestID: requestID)
            return try self.interner.snapshot(for: SnapshotInterner.key(answers)) { () throws(RegistryError) in
                ToolSnapshot(catalog: try self.parse(answers), filter: self.filter, schemas: self.schemas)
            }
        }
    }

    /// The tools `user` may see and call: the catalog after `LIMIT_TO_*`.
    public func tools(for user: UserIdentity, requestID: String) async throws(RegistryError) -> [Tool] {
        try await snapshot(for: user, requestID: requestID).tools
    }

    /// Fetches the user's list anew (after they connected an integration, say), replacing the
    /// cached one.
    public func refresh(for user: UserIdentity, requestID: String) async throws(RegistryError) {
        lists.invalidate(user.userID)
        _ = try await snapshot(for: user, requestID: requestID)
    }

    /// Calls a tool for `user`. A tool that is not listed for the user, or is filtered out,
    /// is unknown.
    public func call(
        _ name: String, arguments: JSONValue, for user: UserIdentity, requestID: String
    ) async -> ToolCallResult {
        let snapshot: ToolSnapshot
        do {
            snapshot = try await self.snapshot(for: user, requestID: requestID)
        } catch {
            return .listingFailed(error)
        }
        guard let (tool, validator) = snapshot.tool(named: name),
            let provider = providers.first(where: { $0.name == tool.providerName })
        else {
            return .unknownTool(name)
        }
        let violations = validator?.validate(arguments) ?? []
        guard violations.isEmpty else { return .invalidArguments(tool, violations.map(\.description)) }
        let outcome = await provider.callTool(
            name, arguments: arguments.encoded(), for: user, requestID: requestID, timeout: callTimeout)
        return .outcome(tool, outcome)
    }

    /// Destroys every provider instance after its last call.
    public func shutdown() async {
        for provider in providers { await provider.destroy() }
    }

    private func list(
        _ provider: ProviderInstance, for user: UserIdentity, requestID: String
    ) async -> Result<[UInt8], RegistryError> {
        let outcome = await provider.listTools(for: user, requestID: requestID, timeout: callTimeout)
        guard case .result(let bytes) = outcome else {
            return .failure(.listingFailed(provider: provider.name, outcome: outcome))
        }
        return .success(bytes)
    }
}

/// How a call through the registry ended.
public enum ToolCallResult: Sendable {
    case outcome(Tool, ProviderOutcome)
    /// Not listed for the user, or filtered out by `LIMIT_TO_*`.
    case unknownTool(String)
    /// The tool list could not be had.
    case listingFailed(RegistryError)
    /// The arguments do not satisfy the tool's input schema; nothing was sent to the provider.
    /// Each violation reads `<JSON path>: <problem>`.
    case invalidArguments(Tool, [String])
}
