/// Why `CALL_API_REQUEST` refuses a call before anything is sent; each is a tool error that
/// says what to change.
enum ProxyRefusal: Error, Equatable, CustomStringConvertible {
    /// `integration`, `url` or `httpMethod` is missing.
    case missingArguments
    /// The URL is not an absolute http(s) URL with a host (as written).
    case notAbsolute(String)
    /// The URL carries a user name or password.
    case credentials
    /// A path segment that is, or decodes to, `.` or `..` (as written).
    case dotSegment(String)
    /// The URL is outside the integration's `allowed_url_prefixes` (as configured).
    case outsidePrefixes(integration: String, prefixes: [String])
    case methodNotAllowed(String, allowed: [String])
    /// The integration is outside `LIMIT_TO_INTEGRATIONS`.
    case integrationNotAvailable(String)
    /// A header of ``RequestHeaders``' forbidden list.
    case forbiddenHeader(String)
    /// A header name that is not an RFC 9110 token.
    case invalidHeaderName(String)
    /// A header value with CR, LF, NUL or another control character.
    case invalidHeaderValue(String)

    var description: String {
        switch self {
        case .missingArguments:
            return "integration, url and httpMethod are required"
        case .notAbsolute(let url):
            return "url must be an absolute http(s) URL, including the API's base (got \(url))"
        case .credentials:
            return "url must not carry credentials"
        case .dotSegment(let segment):
            return "url has the path segment `\(segment)`: `.` and `..` segments (also percent-encoded) "
                + "are not sent, since they would change which endpoint is called; write the path without them"
        case .outsidePrefixes(let integration, let prefixes):
            return "url is outside what this server allows for \(integration): " + prefixes.joined(separator: ", ")
        case .methodNotAllowed(let method, let allowed):
            return "method \(method) is not allowed; allowed: \(allowed.joined(separator: ", "))"
        case .integrationNotAvailable(let integration):
            return "integration \(integration) is not available on this server"
        case .forbiddenHeader(let name):
            return "header \(name) cannot be set by this tool"
        case .invalidHeaderName(let name):
            return "header name `\(name)` is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"
        case .invalidHeaderValue(let name):
            return "header \(name) has a line break or another control character in its value, which no header may hold"
        }
    }
}
