import Foundation
import ParagonAPI
import ProviderKit

/// What `CALL_API_REQUEST` may do, from the provider's `config:` section.
struct ProxyGuardRails: Sendable {
    /// Methods the agent may use; `[GET]` makes the tool read-only.
    var allowedMethods: [String]
    /// Per integration, the URL prefixes its requests must start with; none: any URL.
    var allowedURLPrefixes: [String: [URLPrefix]]
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
        var prefixes: [String: [URLPrefix]] = [:]
        for (integration, written) in settings.allowed_url_prefixes ?? [:] {
            prefixes[integration] = try written.map { try URLPrefix($0) }
        }
        allowedURLPrefixes = prefixes
        maxResponseBytes = settings.max_response_bytes ?? 1 << 20
        maxBinaryBytes = settings.max_binary_bytes ?? ResultContent.defaultMaxBinaryBytes
        guard maxResponseBytes > 0 else { throw ProviderError.internalError("max_response_bytes must be positive") }
    }

    /// Refuses a call the rails do not allow, before anything is sent: an integration outside
    /// `limits`, a method outside `allowed_methods`, a URL outside the integration's
    /// `allowed_url_prefixes` (the URL's own rules are ``ProxyURL``'s), and headers the agent may
    /// not set or that no header may hold (``RequestHeaders``).
    func check(_ request: ProxyRequest, limits: HostLimits) throws(ProxyRefusal) {
        guard limits.allows(integration: request.integration) else {
            throw .integrationNotAvailable(request.integration)
        }
        guard allowedMethods.contains(request.method) else {
            throw .methodNotAllowed(request.method, allowed: allowedMethods)
        }
        if let prefixes = allowedURLPrefixes[request.integration], !prefixes.isEmpty,
            !prefixes.contains(where: { $0.admits(request.url) })
        {
            throw .outsidePrefixes(integration: request.integration, prefixes: prefixes.map(\.written))
        }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard RequestHeaders.isValidName(name) else { throw .invalidHeaderName(name) }
            guard !RequestHeaders.isForbidden(name) else { throw .forbiddenHeader(name) }
            guard RequestHeaders.isValidValue(value) else { throw .invalidHeaderValue(name) }
        }
    }
}
