/// Why a provider could not be loaded or created. Each names the library's path.
package enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file was found under any of the searched paths.
    case libraryNotFound(provider: String, library: String, searched: [String])
    /// `dlopen` refused the file (not a shared library, missing dependency, wrong architecture).
    case notALibrary(path: String, reason: String)
    /// The library does not export the entry symbol.
    case missingEntry(path: String, symbol: String)
    /// The provider was built against an ABI this host does not speak.
    case incompatibleABI(
        path: String, providerMajor: UInt32, providerMinor: UInt32, hostMajor: UInt32,
        hostMinor: UInt32)
    /// The descriptor is malformed (NULL, too small, NULL function or name).
    case invalidDescriptor(path: String, reason: String)
    /// The provider's create() failed with its message.
    case createFailed(provider: String, path: String, message: String)

    package var description: String {
        switch self {
        case .libraryNotFound(let provider, let library, let searched):
            return "provider \(provider): library \(library) not found; looked in: "
                + searched.joined(separator: ", ")
                + " (run `swift build` to build the providers: `swift run` builds only the server)"
        case .notALibrary(let path, let reason):
            return "\(path): not a loadable shared library: \(reason)"
        case .missingEntry(let path, let symbol):
            return "\(path): not a paragon-mcp provider: it does not export \(symbol)"
        case .incompatibleABI(let path, let pMajor, let pMinor, let hMajor, let hMinor):
            let why = pMajor != hMajor ? "a different major version" : "a newer minor version than the host's"
            return "\(path): provider built for plugin ABI \(pMajor).\(pMinor), host speaks ABI "
                + "\(hMajor).\(hMinor) (\(why)); rebuild the provider against this host's header"
        case .invalidDescriptor(let path, let reason):
            return "\(path): invalid provider descriptor: \(reason)"
        case .createFailed(let provider, let path, let message):
            return "provider \(provider) (\(path)) failed to start: \(message)"
        }
    }
}
