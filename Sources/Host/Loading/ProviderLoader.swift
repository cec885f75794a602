import Logging

/// Loads the enabled providers of a configuration. One provider's failure is reported and the
/// rest load.
public struct ProviderLoader: Sendable {
    public struct Report: Sendable {
        public var loaded: [ProviderInstance]
        public var failures: [(provider: String, error: LoadError)]
    }

    public var config: HostConfig
    public var logger: Logger
    public var locator: LibraryLocator
    public var metrics: ServerMetrics?

    public init(config: HostConfig, logger: Logger, metrics: ServerMetrics? = nil) {
        self.config = config
        self.logger = logger
        self.metrics = metrics
        self.locator = LibraryLocator(configDirectory: config.directory, searchPaths: config.providerSearchPaths)
    }

    public func load() -> Report {
        var report = Report(loaded: [], failures: [])
        for settings in config.enabledProviders {
            do throws(LoadError) {
                let path = try locator.locate(provider: settings.name, library: settings.library)
                let library = try ProviderLibrary.open(path: path)
                let instance = try ProviderInstance.create(
                    library: library, settings: settings, config: config, logger: logger, metrics: metrics)
                logger.info(
                    "provider loaded",
                    metadata: [
                        "provider": "\(settings.name)", "library": "\(path)",
                        "version": "\(library.version)", "abi": "\(library.abiMajor).\(library.abiMinor)",
                    ])
                report.loaded.append(instance)
            } catch {
                logger.error("\(error)")
                metrics?.providerLoadFailed(settings.name)
                report.failures.append((settings.name, error))
            }
        }
        return report
    }

    /// `load()` off the event loops (see ``Offload``): a provider's `create` may take its time
    /// (the OpenAPI provider reads its specs), and the loops serve `/healthz` and `/readyz`
    /// meanwhile.
    public func loadInBackground() async -> Report {
        await Offload.run { self.load() }
    }

    /// The registry over what loaded.
    public func registry(of report: Report) -> ToolRegistry {
        ToolRegistry(
            providers: report.loaded, filter: ToolFilter(config.limits),
            callTimeout: .milliseconds(config.server.callTimeoutMs), lists: config.toolLists,
            validation: config.validation, logger: logger, metrics: metrics)
    }
}
