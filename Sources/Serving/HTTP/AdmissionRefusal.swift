import Auth
import HTTPTypes
import MCPCore

/// Why ``AdmissionMiddleware`` turned a request away, in the order its checks run, and the
/// answer each gets: a JSON-RPC error with `"id": null` (code -32000, or the authenticator's
/// reason), as the TypeScript server sends them.
package enum AdmissionRefusal: Error, Equatable, Sendable {
    /// 503 with `Retry-After: 1` (RFC 9110 §15.6.4, §10.2.3): the server is starting or draining.
    case notReady(Readiness)
    /// 403: a `Host` outside the allow-list (MCP, Transports, Security Warning: servers must guard
    /// against DNS rebinding).
    case hostNotAllowed
    /// 403: an `Origin` outside the allow-list (same section: servers must validate `Origin`).
    case originNotAllowed
    /// 401 with `WWW-Authenticate: Bearer resource_metadata="..."` (RFC 6750 §3, RFC 9728 §5.1;
    /// MCP, Authorization), with `error="invalid_token"` for a token that failed (RFC 6750
    /// §3.1): no valid token.
    case unauthenticated(AuthError)

    package var status: HTTPResponse.Status {
        switch self {
        case .notReady: .serviceUnavailable
        case .hostNotAllowed, .originNotAllowed: .forbidden
        case .unauthenticated: .unauthorized
        }
    }

    package var error: JSONRPCError {
        switch self {
        case .notReady(let readiness):
            .server("Service Unavailable: the server is \(readiness)")
        case .hostNotAllowed:
            .server("Forbidden: host not allowed (MCP_ALLOWED_HOSTS lists the hosts allowed besides MCP_SERVER_URL's)")
        case .originNotAllowed:
            .server("Forbidden: origin not allowed (MCP_ALLOWED_ORIGINS lists the browser origins allowed)")
        case .unauthenticated(let reason):
            .server("\(reason)")
        }
    }

    /// Headers besides `Content-Type`; a 401's challenge names `resourceMetadata`, the URL of
    /// the protected resource metadata of the resource refused (``ProtectedResourceMetadata/url``).
    package func headers(resourceMetadata: String) -> HTTPFields {
        switch self {
        case .notReady: [.retryAfter: "1"]
        case .hostNotAllowed, .originNotAllowed: [:]
        case .unauthenticated(let reason):
            [
                .wwwAuthenticate: ProtectedResourceMetadata.bearerChallenge(
                    resourceMetadata: resourceMetadata, error: reason == .missingCredentials ? nil : "invalid_token")
            ]
        }
    }

    /// The refusal as thrown; see ``headers(resourceMetadata:)``.
    package func rejection(resourceMetadata: String) -> HTTPRejection {
        HTTPRejection(response: HTTPReplies.error(status, error, headers: headers(resourceMetadata: resourceMetadata)))
    }
}
