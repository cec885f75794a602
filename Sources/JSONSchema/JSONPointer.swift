import Foundation
import JSONCore

/// JSON Pointers (RFC 6901) into schemas, and the `#...` fragments of `$ref`s.
enum JSONPointer {
    /// `#/a/b` (percent-decoded) to `/a/b`; `#` to the root, `""`.
    static func fromFragment(_ fragment: String) -> String {
        let body = String(fragment.dropFirst())
        return body.removingPercentEncoding ?? body
    }

    /// Runs for every property validated: most names have nothing to escape and are returned as
    /// they are, without Foundation's string search.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        guard !pointer.isEmpty else { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var current = document
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
