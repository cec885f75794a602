import Observability

extension LoadError {
    /// The failure as an error diagnostic on the library (or, when none was found, the provider).
    package var diagnostic: Diagnostic {
        let location: Diagnostic.Location
        switch self {
        case .libraryNotFound(let provider, _, _): location = .provider(provider)
        case .notALibrary(let path, _), .missingEntry(let path, _), .incompatibleABI(let path, _, _, _, _),
            .invalidDescriptor(let path, _), .createFailed(_, let path, _):
            location = .library(path: path)
        }
        return Diagnostic(.error, at: location, description)
    }
}
