import Foundation

/// JSON Pointers (RFC 6901) into JSON documents (schemas, OpenAPI documents), and the `#...`
/// fragments of `$ref`s. Shared by the argument validator and the OpenAPI provider.
public enum JSONPointer {
    /// `#/a/b` (percent-decoded) to `/a/b`; `#` to the root, `""`.
    public static func fromFragment(_ fragment: String) -> String {
        let body = String(fragment.dropFirst())
        return body.removingPercentEncoding ?? body
    }

    /// Runs for every property validated: most names have nothing to escape and are returned as
    /// they are, without Foundation's string search.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// A reference token as written in a pointer: `~1` as `/`, `~0` as `~`.
    public static func unescape(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// The value at `pointer` (`/a/b`; `""` the whole document), or nil.
    public static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        guard !pointer.isEmpty else { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var current = document
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = unescape(raw)
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
