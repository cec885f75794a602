import Foundation
import ParagonAPI
import ProviderKit

/// What `CALL_API_REQUEST` may do, from the provider's `config:` section.
struct ProxyGuardRails: Sendable {
    /// Methods the agent may use; `[GET]` makes the tool read-only.
    var allowedMethods: [String]
    /// Per integration, the URL prefixes its requests must start with; none: any URL.
    var allowedURLPrefixes: [String: [String]]
    /// How much of a response reaches the agent.
    var maxResponseBytes: Int
    /// Binary answers larger than this are described instead of returned.
    var maxBinaryBytes: Int

    static let allMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    struct Settings: Decodable {
        var allowed_methods: [String]?
        var allowed_url_prefixes: [String: [String]]?
        var max_response_bytes: Int?
        var max_binary_bytes: Int?
    }

    init(_ settings: Settings) throws {
        let methods = (settings.allowed_methods ?? Self.allMethods).map { $0.uppercased() }
        if let unknown = methods.first(where: { !Self.allMethods.contains($0) }) {
            throw ProviderError.internalError(
                "allowed_methods: \(unknown) is not one of \(Self.allMethods.joined(separator: ", "))")
        }
        guard !methods.isEmpty else { throw ProviderError.internalError("allowed_methods: name at least one method") }
        allowedMethods = Self.allMethods.filter(methods.contains)
        allowedURLPrefixes = settings.allowed_url_prefixes ?? [:]
        maxResponseBytes = settings.max_response_bytes ?? 1 << 20
        maxBinaryBytes = settings.max_binary_bytes ?? ResultContent.defaultMaxBinaryBytes
        guard maxResponseBytes > 0 else { throw ProviderError.internalError("max_response_bytes must be positive") }
    }

    /// Why `url` may not be called for `integration`; nil when it may.
    func refusal(url: String, integration: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            return "url must be an absolute http(s) URL, including the API's base (got \(url))"
        }
        if components.user != nil || components.password != nil {
            return "url must not carry credentials"
        }
        if let prefixes = allowedURLPrefixes[integration], !prefixes.isEmpty,
            !prefixes.contains(where: { url.hasPrefix($0) })
        {
            return "url is outside what this server allows for \(integration): "
                + prefixes.joined(separator: ", ")
        }
        return nil
    }
}
