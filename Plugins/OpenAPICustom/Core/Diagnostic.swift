/// Something the spec reader noticed in a document, in the manner of swift-openapi-generator's
/// diagnostics: how bad it is, where (file and JSON pointer, RFC 6901), and what.
struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    enum Severity: Int, Sendable, Comparable {
        /// Worth knowing, changes nothing (a tool renamed, a server variable filled).
        case note
        /// The document breaks a rule of the OpenAPI text, but its meaning is clear: loaded anyway.
        case warning
        /// Something could not be understood: the operation (or the file) it is in was skipped.
        case error

        static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var severity: Severity
    var file: String
    /// A JSON pointer into the document (`/paths/~1pets/get`); empty for the whole document.
    var path: String
    var message: String

    /// `file: at /paths/~1pets/get: message`.
    var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): at \(path): \(message)"
    }
}
