import Logging
import MCPCore
import Observability
import Settings

/// Loads the enabled providers of a configuration. One provider's failure is reported and the
/// rest load.
package struct ProviderLoader: Sendable {
    package struct Report: Sendable {
        package var loaded: [ProviderInstance]
        package var failures: [(provider: String, error: LoadError)]
    }

    package var config: HostConfig
    package var logger: Logger
    package var locator: LibraryLocator
    package var metrics: ServerMetrics?
    /// What the loaded instances share (outbound HTTP, deadlines).
    package var runtime: ProviderRuntime

    package init(config: HostConfig, runtime: ProviderRuntime, logger: Logger, metrics: ServerMetrics? = nil) {
        self.config = config
        self.runtime = runtime
        self.logger = logger
        self.metrics = metrics
        self.locator = LibraryLocator(configDirectory: config.directory, searchPaths: config.providerSearchPaths)
    }

    package func load() -> Report {
        var report = Report(loaded: [], failures: [])
        for settings in config.enabledProviders {
            do throws(LoadError) {
                let path = try locator.locate(provider: settings.name, library: settings.library)
                let library = try ProviderLibrary.open(path: path)
                let instance = try ProviderInstance.create(
                    library: library, settings: settings, config: config, runtime: runtime, logger: logger,
                    metrics: metrics)
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

    /// `load()` off the event loops (see ``ThreadPoolOffloader``): a provider's `create` may take its time
    /// (the OpenAPI provider reads its specs), and the loops serve `/healthz` and `/readyz`
    /// meanwhile.
    package func loadInBackground() async -> Report {
        await ThreadPoolOffloader().run { self.load() }
    }

    /// The registry over what loaded.
    package func registry(of report: Report) -> ToolRegistry {
        ToolRegistry(
            providers: report.loaded, filter: ToolFilter(config.limits),
            callTimeout: .milliseconds(config.server.callTimeoutMs), lists: config.toolLists,
            validation: config.validation, presentation: ToolPresentation(config.tools), logger: logger,
            metrics: metrics, offloader: ThreadPoolOffloader())
    }
}
