import Foundation
import Testing

@testable import Application
@testable import Settings

/// docs/configuration.md's settings table is ``ConfigurationReference``'s rendering of the
/// declarations (Sources/Application/Config/Settings), and the declarations are everything the
/// reader knows. After changing a declaration, regenerate the table with
///
///     UPDATE_CONFIG_REFERENCE=1 swift test --filter ConfigurationTableTests
///
/// which writes the rendering into the page instead of failing.
@Suite struct ConfigurationTableTests {
    @Test func theTableIsRenderedFromTheDeclarations() throws {
        let page = try ConfigurationPage.text()
        let section = try #require(
            ConfigurationPage.section(of: page), "docs/configuration.md lacks its settings markers")
        let rendered = "\n\n" + ConfigurationReference.markdownTable() + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_CONFIG_REFERENCE"] == "1" {
            guard section != rendered else { return }
            let updated = try #require(ConfigurationPage.replacingSection(of: page, with: rendered))
            try updated.write(to: ConfigurationPage.url, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            section == rendered,
            """
            docs/configuration.md's settings table differs from the declarations in \
            Sources/Application/Config/Settings; regenerate it with \
            UPDATE_CONFIG_REFERENCE=1 swift test --filter ConfigurationTableTests
            """)
    }

    /// Each variable and key is declared once, and each hand-written setting says who reads it.
    @Test func everySettingIsDeclaredOnceAndDescribed() {
        let host = HostConfig.declarations
        let provider = ProviderSettings.declarations
        let variables = host.compactMap(\.variable) + provider.compactMap(\.variable)
        let keys = host.compactMap(\.key) + provider.compactMap { $0.key.map { "providers.<name>.\($0)" } }
        #expect(Set(variables).count == variables.count, "a variable is declared twice")
        #expect(Set(keys).count == keys.count, "a key is declared twice")
        for setting in host {
            #expect(!setting.description.isEmpty && (setting.reading != nil) != (setting.readBy != nil))
        }
        for setting in provider {
            #expect(!setting.description.isEmpty && (setting.reading != nil) != (setting.readBy != nil))
        }
    }

    /// Whatever the reader looks at, a variable or a config.yaml key, is declared.
    @Test func everythingReadIsDeclared() {
        let names = SettingsRead.names()
        let declared = Set(HostConfig.declarations.compactMap(\.variable))
        for variable in names.variables.sorted() {
            #expect(declared.contains(variable), "environment variable \(variable) is read but not declared")
        }
        let keys = HostConfig.declarations.compactMap(\.key)
        for key in names.keys.sorted() {
            #expect(
                keys.contains { $0 == key || $0.hasPrefix(key + ".") },
                "config.yaml key \(key) is read but not declared")
        }
    }
}
