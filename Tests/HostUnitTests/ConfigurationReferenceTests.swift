import Foundation
import Testing

@testable import Application
@testable import Settings

/// Every setting the configuration reader knows is in the reference (docs/configuration.md,
/// between its `settings` markers): a setting added without documentation fails here.
@Suite struct ConfigurationReferenceTests {
    static var reference: String {
        get throws { ConfigurationPage.section(of: try ConfigurationPage.text()) ?? "" }
    }

    @Test func everyVariableAndKeyIsDocumented() throws {
        let names = SettingsRead.names()
        let reference = try Self.reference
        #expect(!reference.isEmpty, "docs/configuration.md lacks its settings markers")
        #expect(names.variables.count > 20)
        for variable in names.variables.sorted() {
            #expect(reference.contains("`\(variable)`"), "environment variable \(variable) is not documented")
        }
        // Per-provider keys (providers.<name>.…) are documented with the providers.
        for key in names.keys.sorted() where !key.hasPrefix("providers") && key.contains(".") {
            #expect(reference.contains(key), "config.yaml key \(key) is not documented")
        }
    }
}
