import Foundation
import Settings

/// The configuration reference's table (docs/configuration.md, between its `settings` markers),
/// rendered from the declarations: ``HostConfig/declarations`` in reading order, then each
/// provider's settings (``ProviderSettings/declarations``) under `providers.<name>`.
/// `HostUnitTests`' `ConfigurationTableTests` holds the page to it.
package enum ConfigurationReference {
    /// The table in Markdown, one line per setting, ending with a newline. Columns: the
    /// variable, the config.yaml key (`—` for none), the default, and notes (the description,
    /// after what holds for every value of the setting's kind: `comma list`, an integer's range).
    package static func markdownTable() -> String {
        let rows =
            HostConfig.declarations.map { row($0, place: nil) }
            + ProviderSettings.declarations.map { row($0, place: ProviderSettings.place) }
        return (["| variable | config key | default | notes |", "|---|---|---|---|"] + rows)
            .map { $0 + "\n" }.joined()
    }

    /// One setting's row; `place` prefixes a key relative to where its settings are written.
    private static func row<Root>(_ setting: SettingDeclaration<Root>, place: String?) -> String {
        let key = setting.key.map { key in place.map { "\($0).\(key)" } ?? key }
        let cells = [
            setting.variable.map { "`\($0)`" } ?? "—",
            key.map { "`\($0)`" } ?? "—",
            setting.defaultText,
            ([setting.fact].compactMap { $0 } + [setting.description]).joined(separator: "; "),
        ]
        return "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
