import Foundation
import ProviderKit

/// The `X-Paragon-Proxy-Url` of an operation's call: the server URL (or nothing, so Paragon
/// resolves the path against the integration's API base), the path with its parameters
/// substituted and percent-encoded, and the query parameters that were given.
enum ProxyTarget {
    /// Unreserved characters (RFC 3986) stay; everything else in a value is percent-encoded.
    static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func url(serverURL: String?, path: String, pathValues: [String: JSONValue], query: [(String, JSONValue)])
        -> String
    {
        var filled = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            filled += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            filled += pathValues[name].map { encode(text(of: $0)) } ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        filled += rest
        var base = serverURL ?? ""
        if base.hasSuffix("/") && filled.hasPrefix("/") { base.removeLast() }
        var target = base + filled
        let items = query.flatMap { name, value -> [String] in
            if case .array(let values) = value {
                return values.map { "\(encode(name))=\(encode(text(of: $0)))" }
            }
            return ["\(encode(name))=\(encode(text(of: value)))"]
        }
        if !items.isEmpty { target += (target.contains("?") ? "&" : "?") + items.joined(separator: "&") }
        return target
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// A parameter value as text: strings as they are, other JSON as JSON.
    static func text(of value: JSONValue) -> String {
        if let string = value.stringValue { return string }
        return String(decoding: value.encoded(), as: UTF8.self)
    }
}
