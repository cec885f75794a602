import Foundation
import ParagonAPI
import ProviderKit

/// The arguments of one `CALL_API_REQUEST`.
struct ProxyRequest: Sendable {
    var integration: String
    var url: ProxyURL
    var method: String
    var queryParams: [String: JSONValue]?
    var headers: [String: String]
    var body: JSONValue?

    /// The arguments as the host validated them; a URL that cannot be sent is refused here.
    init(_ arguments: JSONValue) throws(ProxyRefusal) {
        guard let integration = arguments["integration"]?.stringValue, let url = arguments["url"]?.stringValue,
            let method = arguments["httpMethod"]?.stringValue
        else { throw .missingArguments }
        self.integration = integration
        self.url = try ProxyURL(url)
        self.method = method.uppercased()
        self.queryParams = arguments["queryParams"]?.objectValue
        var headers: [String: String] = [:]
        for (name, value) in arguments["headers"]?.objectValue ?? [:] {
            headers[name] = value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
        }
        self.headers = headers
        self.body = arguments["body"].flatMap { $0 == .null ? nil : .some($0) }
    }

    /// `X-Paragon-Proxy-Url`: the URL (without its fragment), and the query parameters
    /// (stringified, percent-encoded) when there are any, sorted by name so the same call always
    /// sends the same URL.
    var target: String {
        let base = url.text
        guard let queryParams, !queryParams.isEmpty else { return base }
        let items = queryParams.sorted { $0.key < $1.key }.map { name, value in
            let text = value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
            return PercentEncoding.encode(name) + "=" + PercentEncoding.encode(text)
        }
        let separator = !base.contains("?") ? "?" : base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&"
        return base + separator + items.joined(separator: "&")
    }

    /// The URL without its query, for logs (query values may be personal data).
    var loggableURL: String {
        let names = (queryParams?.keys.sorted() ?? []).joined(separator: ", ")
        return names.isEmpty ? url.withoutQuery : "\(url.withoutQuery) (query: \(names))"
    }
}
