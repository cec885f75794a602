import Foundation
import Settings

/// Finds a provider's library file: a path is used as it is (relative to the config file's
/// folder); a bare name `X` is looked up as `libX.so` next to the running executable, then
/// in the configured search paths.
package struct LibraryLocator: Sendable {
    package var configDirectory: String
    package var searchPaths: [String]
    package var executableDirectory: String

    package init(
        configDirectory: String, searchPaths: [String], executableDirectory: String = Self.executableDirectory()
    ) {
        self.configDirectory = configDirectory
        self.searchPaths = searchPaths
        self.executableDirectory = executableDirectory
    }

    /// The candidate paths for `library`, in the order they are tried.
    package func candidates(for library: String) -> [String] {
        if library.contains("/") || library.hasSuffix(".so") {
            return [ConfigPaths.absolute(library, against: configDirectory)]
        }
        let file = "lib\(library).so"
        return ([executableDirectory] + searchPaths).map { ($0 as NSString).appendingPathComponent(file) }
    }

    package func locate(provider: String, library: String) throws(LoadError) -> String {
        let candidates = candidates(for: library)
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return found
        }
        throw .libraryNotFound(provider: provider, library: library, searched: candidates)
    }

    /// The folder of the running executable, from /proc/self/exe (argv[0] may be relative).
    package static func executableDirectory() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return (path as NSString).deletingLastPathComponent
    }
}
