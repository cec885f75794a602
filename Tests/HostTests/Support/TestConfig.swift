import Application
import Foundation

@testable import Settings

/// Configurations written to a scratch folder and loaded as the server would.
enum TestConfig {
    /// Writes `yaml` as config.yaml in a fresh folder and loads it with `environment` alone.
    static func load(_ yaml: String, environment: [String: String] = [:], dotEnv: String? = nil) throws -> HostConfig {
        let directory = TestPaths.scratch("config")
        let file = directory + "/config.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        var env = ConfigEnvironment(process: environment)
        if let dotEnv {
            env = ConfigEnvironment(process: environment, dotEnv: try DotEnv.parse(dotEnv, path: directory + "/.env"))
        }
        return try ConfigLoader(file: file, environment: env).load()
    }

    /// The problems `yaml` is refused with.
    static func errors(_ yaml: String, environment: [String: String] = [:]) -> [ConfigError] {
        do {
            _ = try load(yaml, environment: environment)
            return []
        } catch let error as ConfigErrors {
            return error.errors
        } catch {
            return [ConfigError(.invalidValue, at: .none, key: "", "\(error)")]
        }
    }

    /// A providers section with only the given providers enabled (the built-in ones off).
    static func providers(_ entries: [(name: String, library: String, extra: String)]) -> String {
        var yaml = "providers:\n"
        if !entries.contains(where: { $0.name == "actionkit" }) { yaml += "  actionkit: {enabled: false}\n" }
        for entry in entries {
            yaml += "  \(entry.name):\n    library: \(entry.library)\n"
            if !entry.extra.isEmpty { yaml += entry.extra.split(separator: "\n").map { "    \($0)\n" }.joined() }
        }
        return yaml
    }
}
