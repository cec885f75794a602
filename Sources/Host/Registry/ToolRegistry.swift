import JSONCore
import Logging

/// Merges the tools of every loaded provider, applies the host's limits, and routes calls.
/// Lists may differ per user: providers are asked with the user's identity.
public final class ToolRegistry: Sendable {
    public let providers: [ProviderInstance]
    public let filter: ToolFilter
    public let callTimeout: Duration
    let logger: Logger
    let schemas: SchemaCache

    public init(providers: [ProviderInstance], filter: ToolFilter, callTimeout: Duration, logger: Logger) {
        self.providers = providers
        self.filter = filter
        self.callTimeout = callTimeout
        self.logger = logger
        self.schemas = SchemaCache(logger: logger)
    }

    /// Every provider's tools for `user`, merged but not filtered. Fails when any provider fails.
    public func catalog(for user: UserIdentity, requestID: String) async throws(RegistryError) -> ToolCatalog {
        let results = await withTaskGroup(of: (Int, Result<[Tool], RegistryError>).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { (index, await self.list(provider, for: user, requestID: requestID)) }
            }
            var results = [Result<[Tool], RegistryError>?](repeating: nil, count: providers.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        var lists: [(provider: String, tools: [Tool])] = []
        for (provider, result) in zip(providers, results) {
            switch result! {
            case .success(let tools): lists.append((provider.name, tools))
            case .failure(let error): throw error
            }
        }
        let catalog = ToolCatalog(lists: lists)
        for duplicate in catalog.duplicates {
            let error = RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers)
            logger.error("\(error); serving \(duplicate.providers[0])'s")
        }
        return catalog
    }

    /// The tools `user` may see and call: the catalog after `LIMIT_TO_*`. Their input schemas
    /// are compiled here (once each), so a schema that cannot be compiled is reported at listing.
    public func tools(for user: UserIdentity, requestID: String) async throws(RegistryError) -> [Tool] {
        let tools = try await catalog(for: user, requestID: requestID).tools.filter(filter.allows)
        for tool in tools { _ = schemas.validator(for: tool) }
        return tools
    }

    /// Calls a tool for `user`. A tool that is not listed for the user, or is filtered out,
    /// is unknown.
    public func call(
        _ name: String, arguments: JSONValue, for user: UserIdentity, requestID: String
    ) async -> ToolCallResult {
        let catalog: ToolCatalog
        do {
            catalog = try await self.catalog(for: user, requestID: requestID)
        } catch {
            return .listingFailed(error)
        }
        guard let tool = catalog.tool(named: name), filter.allows(tool),
            let provider = providers.first(where: { $0.name == tool.providerName })
        else {
            return .unknownTool(name)
        }
        let violations = schemas.validator(for: tool)?.validate(arguments) ?? []
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
    ) async -> Result<[Tool], RegistryError> {
        let outcome = await provider.listTools(for: user, requestID: requestID, timeout: callTimeout)
        guard case .result(let bytes) = outcome else {
            return .failure(.listingFailed(provider: provider.name, outcome: outcome))
        }
        do {
            let (tools, problems) = try ToolListParser.parse(bytes, provider: provider.name)
            for problem in problems { logger.error("dropped a tool of provider \(provider.name): \(problem)") }
            return .success(tools)
        } catch {
            return .failure(error)
        }
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
