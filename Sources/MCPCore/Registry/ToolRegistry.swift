import JSONCore
import JSONSchema
import Logging
import Observability
import Settings
import Synchronization

/// Merges the tools of every loaded provider, applies the host's limits, and routes calls.
/// Lists may differ per user: providers are asked with the user's identity, and each user's
/// list is cached (see `ToolListSettings`).
package final class ToolRegistry: Sendable {
    package let providers: [any ToolProvider]
    package let filter: ToolFilter
    /// How lists are presented (direct or search), pinned tools and per-tool overrides.
    package let presentation: ToolPresentation
    package let callTimeout: Duration
    /// Whether arguments are read leniently before validation (see ``ArgumentCoercion``).
    package let coercesArguments: Bool
    /// How `tools/list` pages are cut.
    package let paging: ToolSnapshot.Paging
    package let logger: Logger
    package let metrics: ServerMetrics?
    package let schemas: SchemaCache
    package let lists: ToolListCache
    package let interner = SnapshotInterner()
    /// Where parsing, hashing and schema compilation run (off the event loops in the server).
    package let offloader: any Offloader
    /// Requests using this registry now (see ``LiveRegistry``).
    private let leases = Mutex<(RegistryLeases, idle: [CheckedContinuation<Void, Never>])>((RegistryLeases(), []))
    /// shutdown() has begun: the providers are destroyed once.
    private let shutDown = Atomic<Bool>(false)

    package init(
        providers: [any ToolProvider], filter: ToolFilter, callTimeout: Duration,
        lists settings: ToolListSettings = ToolListSettings(), validation: ValidationSettings = ValidationSettings(),
        presentation: ToolPresentation = ToolPresentation(),
        logger: Logger, metrics: ServerMetrics? = nil, offloader: any Offloader = InlineOffloader()
    ) {
        self.offloader = offloader
        self.coercesArguments = validation.coerce
        self.providers = providers
        self.filter = filter
        self.presentation = presentation
        self.callTimeout = callTimeout
        self.paging = ToolSnapshot.Paging(size: settings.pageSize, maxBytes: settings.pageMaxBytes)
        self.logger = logger
        self.metrics = metrics
        self.schemas = SchemaCache(logger: logger)
        self.lists = ToolListCache(
            ttlSeconds: settings.cacheTTLSeconds, maxUsers: settings.cacheMaxUsers, partialTTL: settings.partialListTTL,
            metrics: metrics)
    }

    /// The tools of every provider that answered for `user`, merged but not filtered (a provider
    /// that fails is left out, so that the others' tools can still be checked for clashes).
    /// Parsed off the event loops.
    package func catalog(for user: UserIdentity, requestID: String) async -> ToolCatalog {
        let answers = await answers(for: user, requestID: requestID)
        return await offloader.run { () -> ToolCatalog in
            var lists: [(provider: String, tools: [Tool])] = []
            for (provider, result) in answers {
                guard case .success(let bytes) = result,
                    let tools = try? self.parseList(bytes, provider: provider)
                else { continue }
                lists.append((provider, tools))
            }
            return self.merge(lists)
        }
    }

    /// What each provider listed for `user`, unparsed, in provider order; each provider's
    /// failure is its own.
    private func answers(
        for user: UserIdentity, requestID: String
    ) async -> [(provider: String, result: Result<[UInt8], RegistryError>)] {
        let results = await withTaskGroup(of: (Int, Result<[UInt8], RegistryError>).self) { group in
            for (index, provider) in providers.enumerated() {
                group.addTask { (index, await self.list(provider, for: user, requestID: requestID)) }
            }
            var results = [Result<[UInt8], RegistryError>?](repeating: nil, count: providers.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        return zip(providers, results).map { ($0.name, $1!) }
    }

    /// One provider's list; malformed entries are dropped and logged.
    private func parseList(_ bytes: [UInt8], provider: String) throws(RegistryError) -> [Tool] {
        let (tools, problems) = try ToolListParser.parse(bytes, provider: provider)
        for problem in problems { logger.error("dropped a tool of provider \(provider): \(problem)") }
        return tools
    }

    /// The providers' lists as one catalog. The meta-tools' names are the host's: a provider's
    /// tool of one of them is dropped (and logged), since calls by that name reach the meta-tool.
    private func merge(_ lists: [(provider: String, tools: [Tool])]) -> ToolCatalog {
        let lists = lists.map { provider, tools in
            (
                provider,
                tools.filter { tool in
                    guard MetaTool(rawValue: tool.name) != nil else { return true }
                    logger.error(
                        "dropped tool \(tool.name) of provider \(provider): the name is a meta-tool's of search mode")
                    return false
                }
            )
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
    ///
    /// A provider that fails to list (or lists garbage) fails alone: the list holds every other
    /// provider's tools and names the ones missing (each failure logged and counted), and it is
    /// kept only briefly, so the failing provider is asked again soon. Only when every provider
    /// fails is there no list.
    package func snapshot(for user: UserIdentity, requestID: String) async throws(RegistryError) -> ToolSnapshot {
        try await lists.snapshot(for: user.userID) { () async throws(RegistryError) -> ToolSnapshot in
            var listed: [(provider: String, bytes: [UInt8])] = []
            var failed: [(provider: String, error: RegistryError)] = []
            for (provider, result) in await self.answers(for: user, requestID: requestID) {
                switch result {
                case .success(let bytes): listed.append((provider, bytes))
                case .failure(let error): failed.append((provider, error))
                }
            }
            for (provider, error) in failed { self.listingFailed(provider, error, requestID: requestID) }
            if listed.isEmpty, let only = failed.first {
                throw failed.count == 1 ? only.error : .everyListingFailed(failed.map(\.error))
            }
            let answered = listed, failures = failed
            // Hashing, parsing a large catalog and compiling its schemas take long enough to stall
            // the event loop they would run on (most of a second for thousands of big OpenAPI tools).
            return try await self.offloader.run { () throws(RegistryError) -> ToolSnapshot in
                let key = SnapshotInterner.key(answered, failed: failures.map(\.provider))
                return try self.interner.snapshot(for: key) { () throws(RegistryError) in
                    var lists: [(provider: String, tools: [Tool])] = []
                    var unavailable = failures.map(\.provider)
                    var invalid: RegistryError?
                    for (provider, bytes) in answered {
                        do throws(RegistryError) {
                            lists.append((provider, try self.parseList(bytes, provider: provider)))
                        } catch {
                            self.listingFailed(provider, error, requestID: requestID)
                            unavailable.append(provider)
                            invalid = invalid ?? error
                        }
                    }
                    if lists.isEmpty, let invalid { throw invalid }
                    let snapshot = ToolSnapshot(
                        catalog: self.merge(lists), filter: self.filter, schemas: self.schemas,
                        unavailable: unavailable.sorted(), presentation: self.presentation)
                    if self.presentation.mightSearch(count: snapshot.tools.count) { self.prepareSearch(snapshot) }
                    self.warnOfUnknownNames(in: snapshot)
                    return snapshot
                }
            }
        }
    }

    /// Logs the names `tools.pinned` and `tools.overrides` give that the list lacks (a typo, or
    /// a tool this user does not have), once per distinct list.
    private func warnOfUnknownNames(in snapshot: ToolSnapshot) {
        let settings = presentation.settings
        let unknown = (settings.pinned + settings.overrides.keys.sorted()).filter {
            snapshot.tool(named: $0) == nil && MetaTool(rawValue: $0) == nil
        }
        guard !unknown.isEmpty, snapshot.isComplete else { return }
        logger.warning(
            "tools.pinned or tools.overrides names tools this list lacks (a typo, or tools this user does not have): \(unknown.joined(separator: ", "))"
        )
    }

    /// Builds the snapshot's search index in the background, so the first search need not wait
    /// for it (a list search mode is unlikely to serve, and one a URL's `?tools=search` asks
    /// for under `tools.mode: direct`, gets its index at the first search).
    private func prepareSearch(_ snapshot: ToolSnapshot) {
        let offloader = self.offloader, logger = self.logger
        Task {
            let started = ContinuousClock.now
            switch await snapshot.searchIndex(offloader: offloader) {
            case .success(let index):
                logger.debug("built the search index of \(index.count) tools in \(ContinuousClock.now - started)")
            case .failure(let error):
                logger.error("\(error); search mode cannot find tools")
            }
        }
    }

    private func listingFailed(_ provider: String, _ error: RegistryError, requestID: String) {
        logger.error(
            "\(error); serving the other providers' tools",
            metadata: ["request": "\(requestID)", "provider": "\(provider)"])
        metrics?.providerListingFailed(provider)
    }

    /// The tools `user` may see and call: the catalog after `LIMIT_TO_*`.
    package func tools(for user: UserIdentity, requestID: String) async throws(RegistryError) -> [Tool] {
        try await snapshot(for: user, requestID: requestID).tools
    }

    /// Fetches the user's list anew (after they connected an integration, say), replacing the
    /// cached one.
    package func refresh(for user: UserIdentity, requestID: String) async throws(RegistryError) {
        lists.invalidate(user.userID)
        _ = try await snapshot(for: user, requestID: requestID)
    }

    /// Calls a tool for `user`. A tool that is not listed for the user, or is filtered out,
    /// is unknown.
    /// `admit` sees the tool found and the arguments before they are validated; an error it
    /// returns refuses the call (``ToolCallResult/refused(_:)``) without running it.
    package func call(
        _ name: String, arguments: JSONValue, for user: UserIdentity, requestID: String,
        admit: (Tool, JSONValue) -> JSONRPCError? = { _, _ in nil }
    ) async -> ToolCallResult {
        let snapshot: ToolSnapshot
        do {
            snapshot = try await self.snapshot(for: user, requestID: requestID)
        } catch {
            return .listingFailed(error)
        }
        guard let (tool, validator, output) = snapshot.tool(named: name),
            let provider = providers.first(where: { $0.name == tool.providerName })
        else {
            // The tool may be one of a provider that could not list just now.
            if !snapshot.unavailable.isEmpty { return .unavailable(name, providers: snapshot.unavailable) }
            return .unknownTool(name)
        }
        if let refusal = admit(tool, arguments) { return .refused(refusal) }
        var arguments = arguments
        var violations = validator?.validate(arguments) ?? []
        // Lenient reading changes only what fails validation, so valid arguments skip it.
        if !violations.isEmpty, coercesArguments {
            let coerced = ArgumentCoercion.apply(arguments, schema: tool.inputSchema)
            if coerced != arguments {
                arguments = coerced
                violations = validator?.validate(arguments) ?? []
            }
        }
        guard violations.isEmpty else { return .invalidArguments(tool, violations.map(\.description)) }
        let outcome = await provider.callTool(
            name, arguments: arguments.encoded(), for: user, requestID: requestID, timeout: callTimeout)
        return .outcome(tool, outcome, output: output)
    }

    /// A request begins using the registry (see ``LiveRegistry``).
    package func acquireLease() {
        leases.withLock { $0.0.acquire() }
    }

    /// A request stopped using the registry.
    package func releaseLease() {
        let idle = leases.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.0.release() else { return [] }
            defer { state.idle = [] }
            return state.idle
        }
        idle.forEach { $0.resume() }
    }

    /// Returns once no request uses the registry (for every caller); new leases are not expected
    /// after (``LiveRegistry`` no longer hands this registry out).
    package func retirement() async {
        await withCheckedContinuation { continuation in
            let now = leases.withLock { state -> Bool in
                if state.0.retire() { return true }
                state.idle.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Destroys every provider instance after its last call; once, however often it is asked.
    package func shutdown() async {
        guard !shutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for provider in providers { await provider.destroy() }
    }

    private func list(
        _ provider: any ToolProvider, for user: UserIdentity, requestID: String
    ) async -> Result<[UInt8], RegistryError> {
        let outcome = await provider.listTools(for: user, requestID: requestID, timeout: callTimeout)
        guard case .result(let bytes) = outcome else {
            return .failure(.listingFailed(provider: provider.name, outcome: outcome))
        }
        return .success(bytes)
    }
}

/// How a call through the registry ended.
package enum ToolCallResult: Sendable {
    /// The provider's outcome; `output` checks the structured content of a tool that declares
    /// an output schema (``StructuredContentCheck``).
    case outcome(Tool, ProviderOutcome, output: JSONSchemaValidator? = nil)
    /// Not listed for the user, or filtered out by `LIMIT_TO_*`.
    case unknownTool(String)
    /// The tool list could not be had.
    case listingFailed(RegistryError)
    /// Not in the user's list while `providers` could not list their tools: it may be theirs.
    case unavailable(String, providers: [String])
    /// The arguments do not satisfy the tool's input schema; nothing was sent to the provider.
    /// Each violation reads `<JSON path>: <problem>`.
    case invalidArguments(Tool, [String])
    /// Refused before validation by the caller's own check (a 2026-07-28 parameter header
    /// that disagrees with its argument).
    case refused(JSONRPCError)
}
