@testable import Application
@testable import Settings

/// Configurations read from text, as the server reads config.yaml, without a file.
enum UnitConfig {
    static func load(_ yaml: String, environment: [String: String] = [:]) throws(ConfigErrors) -> HostConfig {
        try ConfigLoader(file: "/unit/config.yaml", environment: ConfigEnvironment(process: environment))
            .load(yaml: yaml)
    }
}

extension UnitConfig {
    /// The problems `load` finds; empty when there are none.
    static func errors(_ yaml: String, environment: [String: String] = [:]) -> [ConfigError] {
        do {
            _ = try load(yaml, environment: environment)
            return []
        } catch {
            return error.errors
        }
    }
}
