import Logging
import MCPCore
import PluginRuntime
import Serving
import Settings
import UnixSignals

/// Puts a configuration to use: builds the registry of its providers and swaps it in. At start
/// it loads the configuration the server was made with; each reload reads the files again
/// (config.yaml, `.env`, the environment) and either swaps in one step or changes nothing.
///
/// What a reload changes: which providers run and their settings, `LIMIT_TO_*`, tool-list
/// caching and paging, the call timeout. Settings of the listener, the keys and the mode are
/// read once at start; a change to them is logged as needing a restart.
actor ConfigReloader {
    typealias Load = @Sendable () throws(ConfigErrors) -> HostConfig

    let server: MCPServer
    let runtime: ProviderRuntime
    let logger: Logger
    private let load: Load
    /// What the process does to every configuration it reads (the sandbox points it at itself).
    private let adjust: @Sendable (inout HostConfig) -> Void
    /// Whether production mode may run Paragon providers without a project (on the sandbox).
    private let onSandbox: Bool
    /// The configuration in use.
    private(set) var config: HostConfig
    /// Registries replaced by reloads and still being retired after their last request.
    private var retiring = 0
    /// Waiting for `retiring` to reach 0.
    private var retirementWaiters: [CheckedContinuation<Void, Never>] = []

    init(
        config: HostConfig, server: MCPServer, runtime: ProviderRuntime, onSandbox: Bool, logger: Logger,
        load: @escaping Load,
        adjust: @escaping @Sendable (inout HostConfig) -> Void = { _ in }
    ) {
        self.config = config
        self.server = server
        self.runtime = runtime
        self.onSandbox = onSandbox
        self.logger = logger
        self.load = load
        self.adjust = adjust
    }

    /// Loads the providers of the configuration the server started with. A provider that fails
    /// to load is logged and the rest serve; two providers offering one tool fail the start.
    func start() async throws(ReloadError) {
        let registry = try await build(config, refuseFailures: false)
        let empty = server.dispatcher.registry.swap(to: registry)
        await server.dispatcher.registry.retire(empty)
        server.readiness.set(.ready)
    }

    /// Reads the configuration again and puts it to use, or refuses it and keeps serving the
    /// old one. Open sessions are told that their tool list changed. Returns whether it took.
    @discardableResult
    func reload(reason: String) async -> Bool {
        logger.info("reloading the configuration", metadata: ["reason": "\(reason)"])
        do throws(ReloadError) {
            var next: HostConfig
            do throws(ConfigErrors) {
                next = try load()
            } catch {
                throw .invalidConfig(error)
            }
            adjust(&next)
            let lacking = Self.providersLackingProject(next, onSandbox: onSandbox)
            if !lacking.isEmpty { throw .noProject(providers: lacking) }
            let registry = try await build(next, refuseFailures: true)
            for setting in Self.restartOnly(config, next) {
                logger.warning("\(setting) changed in the configuration; it takes effect at the next restart")
            }
            config = next
            let old = server.dispatcher.registry.swap(to: registry)
            let told = server.notifyToolListChanged()
            server.metrics.configReloaded(succeeded: true)
            logger.notice(
                "configuration reloaded",
                metadata: [
                    "providers": "\(registry.providers.map(\.name).joined(separator: ","))",
                    "sessions_notified": "\(told)",
                ])
            // Calls in flight finish on the old instances, which are destroyed after them; the
            // server's shutdown waits for that (``retirementsFinished()``).
            let live = server.dispatcher.registry
            retiring += 1
            Task {
                await live.retire(old)
                self.retired()
            }
            return true
        } catch {
            server.metrics.configReloaded(succeeded: false)
            logger.error("configuration reload refused; still serving the previous one: \(error)")
            return false
        }
    }

    /// Returns once every registry replaced by a reload has been retired (its instances
    /// destroyed): before the providers' runtime shuts down.
    func retirementsFinished() async {
        guard retiring > 0 else { return }
        await withCheckedContinuation { retirementWaiters.append($0) }
    }

    private func retired() {
        retiring -= 1
        guard retiring == 0 else { return }
        let waiters = retirementWaiters
        retirementWaiters = []
        waiters.forEach { $0.resume() }
    }

    /// Reloads on every SIGHUP until the task running it is cancelled.
    nonisolated func reloadOnSIGHUP() async {
        await reload(on: await UnixSignalsSequence(trapping: .sighup))
    }

    /// Reloads on every signal of `hangups` (SIGHUP, trapped already) until the task is cancelled.
    nonisolated func reload(on hangups: UnixSignalsSequence) async {
        for await _ in hangups {
            await reload(reason: "SIGHUP")
        }
    }

    /// The enabled Paragon providers that would run without a Paragon project; empty when there
    /// are none. Production mode never falls back to the sandbox: those providers need a project.
    static func providersLackingProject(_ config: HostConfig, onSandbox: Bool) -> [String] {
        guard !onSandbox, config.paragon.projectID.isEmpty else { return [] }
        return config.enabledProviders.map(\.name).filter(ServerBootstrap.paragonProviders.contains)
    }

    /// The registry of `config`'s providers, checked: tool names unique across providers (on
    /// the lists made for no particular user; per-user lists are checked again as they are made).
    private func build(_ config: HostConfig, refuseFailures: Bool) async throws(ReloadError) -> ToolRegistry {
        let loader = ProviderLoader(config: config, runtime: runtime, logger: logger, metrics: server.metrics)
        let report = await loader.loadInBackground()
        let registry = loader.registry(of: report)
        if refuseFailures, !report.failures.isEmpty {
            await registry.shutdown()
            throw .providersFailed(report.failures.map(\.error))
        }
        if let duplicate = await registry.catalog(for: .nobody, requestID: "startup").duplicates.first {
            await registry.shutdown()
            throw .duplicateTool(.duplicateTool(name: duplicate.name, providers: duplicate.providers))
        }
        server.metrics.providersLoaded.set(Int64(registry.providers.count))
        return registry
    }

    /// The settings that differ and are read only at start.
    static func restartOnly(_ old: HostConfig, _ new: HostConfig) -> [String] {
        var changed: [String] = []
        if old.server != new.server { changed.append("server") }
        if old.auth != new.auth { changed.append("auth") }
        if old.paragon.signingKeyPEM != new.paragon.signingKeyPEM { changed.append("the signing key") }
        if old.paragon.connectSDKURL != new.paragon.connectSDKURL { changed.append("paragon.connect_sdk_url") }
        if old.logging != new.logging { changed.append("logging") }
        if old.cluster != new.cluster { changed.append("cluster") }
        if old.metrics != new.metrics { changed.append("metrics") }
        return changed
    }
}
