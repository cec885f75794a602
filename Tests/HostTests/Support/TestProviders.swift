import Application
import Foundation
import Logging
import Testing

@testable import MCPCore
@testable import PluginRuntime

/// Provider instances created the way the server creates them.
enum TestProviders {
    /// Loads one provider from `library` with `extra` YAML under its entry.
    static func instance(
        _ library: String, name: String = "fixture", extra: String = "", logger: Logger? = nil
    ) throws -> ProviderInstance {
        let config = try TestConfig.load(TestConfig.providers([(name, library, extra)]))
        let settings = try #require(config.providers.first { $0.name == name })
        return try ProviderInstance.create(
            library: try ProviderLibrary.open(path: library), settings: settings, config: config,
            runtime: TestRuntime.shared, logger: logger ?? Logger(label: "test"))
    }

    /// The text of the first content item of a CallToolResult.
    static func text(of outcome: ProviderOutcome) -> String? {
        guard case .result(let bytes) = outcome,
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let content = object["content"] as? [[String: Any]]
        else { return nil }
        return content.first?["text"] as? String
    }
}
