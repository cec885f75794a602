import Foundation
import Synchronization

/// Compiles C providers with the system's `cc`, exactly as a third party would.
enum CCompiler {
    private static let cache = Mutex<[String: String]>([:])

    /// Builds `source` (relative to the package root) with `defines` into a shared library and
    /// returns its path; the same name and inputs are built once per test run.
    static func sharedLibrary(_ source: String, defines: [String] = [], name: String) throws -> String {
        let key = ([name, source] + defines).joined(separator: " ")
        if let path = cache.withLock({ $0[key] }) { return path }
        let output = TestPaths.scratch("cc") + "/lib\(name).so"
        let arguments =
            [
                "-std=c11", "-shared", "-fPIC", "-fvisibility=hidden", "-Wall", "-Wextra", "-Werror",
                "-Wl,-z,defs", "-pthread", "-I", TestPaths.includeDirectory,
            ]
            + defines.map { "-D\($0)" } + ["-o", output, TestPaths.packageRoot + "/" + source]
        let result = try Subprocess.run("/usr/bin/cc", arguments)
        guard result.status == 0 else {
            throw CompileError(message: "cc failed (\(result.status)): \(result.stderr)")
        }
        cache.withLock { $0[key] = output }
        return output
    }

    /// The example provider of Examples/c-provider.
    static func example() throws -> String {
        try sharedLibrary("Examples/c-provider/example_provider.c", name: "example_provider")
    }

    /// A variant of Tests/HostTests/Fixtures/fixture_provider.c.
    static func fixture(_ name: String, _ defines: String...) throws -> String {
        try sharedLibrary("Tests/HostTests/Fixtures/fixture_provider.c", defines: defines, name: name)
    }

    struct CompileError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
