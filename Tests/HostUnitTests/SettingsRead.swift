@testable import Application
@testable import Settings

/// The variables and config.yaml keys the configuration reader looks at, recorded while it reads
/// an empty config.yaml in an empty environment (every section's mapping is still asked for).
enum SettingsRead {
    static func names() -> SettingNames {
        let names = SettingNames()
        var environment = ConfigEnvironment(process: [:])
        environment.names = names
        _ = try? ConfigLoader(file: "/unit/config.yaml", environment: environment).load(yaml: "")
        return names
    }
}
