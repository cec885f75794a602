import Foundation
import Testing

@testable import Application
@testable import Settings

/// `.env.example` offers every variable the configuration declares (commented out or set).
@Suite struct EnvExampleTests {
    @Test func everyDeclaredVariableIsInTheExample() throws {
        let lines = try RepositoryFile.text(".env.example").split(separator: "\n")
        let offered = Set(
            lines.compactMap { line in
                line.drop { $0 == "#" || $0 == " " }.split(separator: "=", maxSplits: 1).first.map(String.init)
            })
        for variable in HostConfig.declarations.compactMap(\.variable) {
            #expect(offered.contains(variable), ".env.example lacks \(variable)")
        }
    }
}
