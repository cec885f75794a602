@testable import Application
@testable import Settings

/// Configurations read from text, as the server reads config.yaml, without a file.
enum UnitConfig {
    static func load(_ yaml: String, environment: [String: String] = [:]) throws -> HostConfig {
        try ConfigLoader(file: "/unit/config.yaml", environment: ConfigEnvironment(process: environment))
            .load(yaml: yaml)
    }
}
