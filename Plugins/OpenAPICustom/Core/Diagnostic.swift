import Foundation
import ProviderKit

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

/// Building JSON pointers (RFC 6901): `~` as `~0`, `/` as `~1`.
enum JSONPointer {
    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// `base` with `tokens` appended.
    static func join(_ base: String, _ tokens: String...) -> String {
        tokens.reduce(base) { $0 + "/" + escape($1) }
    }

    /// The value at a local reference (`#/components/schemas/Pet`, percent-encoded or not), or nil.
    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var pointer = String(reference.dropFirst())
        if pointer.contains("%") { pointer = pointer.removingPercentEncoding ?? pointer }
        guard pointer.isEmpty || pointer.hasPrefix("/") else { return nil }
        var current = document
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = unescape(token)
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
