import Application
import Foundation
import PluginABI

@testable import PluginRuntime

/// Where the package, its build products and a scratch folder are.
enum TestPaths {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, HostTests, Tests
        return url.path
    }()

    static let includeDirectory = packageRoot + "/Sources/PluginABI/include"
    static let fixturesDirectory = packageRoot + "/Tests/HostTests/Fixtures"

    /// The build folder: the test runner sits beside the providers and the executable.
    static let buildDirectory = LibraryLocator.executableDirectory()

    /// The host's ABI version as messages print it, `major.minor`.
    static let abi = "\(PARAGON_MCP_ABI_MAJOR).\(PARAGON_MCP_ABI_MINOR)"
    static let executable = buildDirectory + "/paragon-mcp"

    /// A fresh folder for one test.
    static func scratch(_ name: String = "test") -> String {
        let path = NSTemporaryDirectory() + "paragon-mcp-tests/\(name)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
