import Testing

@testable import Application
@testable import Observability
@testable import PluginRuntime
@testable import Settings

/// Problems as values: what `check` counts for its exit status.
@Suite struct DiagnosticsTests {
    @Test func errorsAreCountedWarningsAreNot() {
        let diagnostics = Diagnostics()
        diagnostics.report(Diagnostic(.warning, at: .provider("openapi"), "slack.json: converted"))
        #expect(diagnostics.count(atLeast: .error) == 0)
        diagnostics.report(
            LoadError.incompatibleABI(
                path: "/p/libx.so", providerMajor: 2, providerMinor: 0, hostMajor: 1, hostMinor: 3
            )
            .diagnostic)
        #expect(diagnostics.count(atLeast: .error) == 1)
        #expect(diagnostics.count(atLeast: .warning) == 2)
        #expect(diagnostics.all.last?.location == .library(path: "/p/libx.so"))
    }

    @Test func configErrorsKeepTheirPlace() {
        let place = ConfigLocation.file(path: "/c/config.yaml", line: 2, column: 3)
        let diagnostic = ConfigError(.unknownKey(suggestion: "port"), at: place, key: "server.prot", "unknown key")
            .diagnostic
        #expect(diagnostic.location == .configuration(place))
        #expect(diagnostic.severity == .error)
        #expect("\(diagnostic)" == "/c/config.yaml:2:3: server.prot: unknown key (did you mean 'port'?)")
    }

    @Test func checkFailsOnlyOnErrors() throws {
        #expect(throws: Never.self) {
            try CheckCommand.conclude([Diagnostic(.warning, at: .provider("openapi"), "a warning")])
        }
        #expect(throws: (any Error).self) {
            try CheckCommand.conclude([Diagnostic(.error, at: .none, "an error")])
        }
    }
}
