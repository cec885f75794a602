@testable import Application
import Foundation
@testable import Settings
import Testing

/// Every setting the configuration reader knows is in the reference (docs/configuration.md,
/// between its `settings` markers): a setting added without documentation fails here.
@Suite struct ConfigurationReferenceTests {
    static var reference: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let page = try String(
                contentsOf: root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
            guard let begin = page.range(of: "<!-- settings:begin -->"),
                let end = page.range(of: "<!-- settings:end -->")
            else { return "" }
            return String(page[begin.upperBound..<end.lowerBound])
        }
    }

    @Test func everyVariableAndKeyIsDocumented() throws {
        let names = SettingNames()
        var environment = ConfigEnvironment(process: [:])
        environment.names = names
        // Every section present, so that each nested mapping is read.
        _ = try? ConfigLoader(file: "/unit/config.yaml", environment: environment).load(yaml: "")
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
