import Settings
import Serving

extension ConfigLoader {
    /// `metrics:`: whether `/metrics` is served, and on which port.
    func readMetrics(_ node: ConfigNode?, _ reader: inout ConfigReader) -> MetricsSettings {
        let map = reader.mapping(node, key: "metrics", allowed: ["enabled", "port", "host"])
        return MetricsSettings(
            enabled: reader.bool(map["enabled"], key: "metrics.enabled") ?? true,
            port: reader.integer(map["port"], key: "metrics.port", range: 0...65535),
            host: reader.string(map["host"], key: "metrics.host"))
    }

    /// `setup:`: the setup pages.
    func readSetup(_ node: ConfigNode?, _ reader: inout ConfigReader) -> SetupSettings {
        let map = reader.mapping(node, key: "setup", allowed: ["csp_extra_sources"])
        let sources = reader.stringList(map["csp_extra_sources"], key: "setup.csp_extra_sources") ?? []
        for source in sources where !ContentSecurityPolicy.isHostSource(source) {
            reader.report(
                ConfigError(
                    .invalidValue, at: map["csp_extra_sources"]!.location, key: "setup.csp_extra_sources",
                    "\"\(source)\" is not a Content-Security-Policy source (https://host, https://*.example.com)"))
        }
        return SetupSettings(cspExtraSources: sources)
    }

    /// `validation:`: how arguments are checked.
    func readValidation(_ node: ConfigNode?, _ reader: inout ConfigReader) -> ValidationSettings {
        let map = reader.mapping(node, key: "validation", allowed: ["coerce"])
        return ValidationSettings(coerce: reader.bool(map["coerce"], key: "validation.coerce") ?? true)
    }

    /// `reload:`: watching files for changes, besides SIGHUP.
    func readReload(_ node: ConfigNode?, directory: String, _ reader: inout ConfigReader) -> ReloadSettings {
        let map = reader.mapping(node, key: "reload", allowed: ["watch", "interval_ms", "paths"])
        let paths = reader.stringList(map["paths"], key: "reload.paths") ?? ["openapi"]
        return ReloadSettings(
            watch: reader.bool(map["watch"], key: "reload.watch") ?? false,
            intervalMs: reader.integer(map["interval_ms"], key: "reload.interval_ms", range: 100...3_600_000) ?? 1000,
            paths: paths.map { ConfigPaths.absolute($0, against: directory) })
    }
}
