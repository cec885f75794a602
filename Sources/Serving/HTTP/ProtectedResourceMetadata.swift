import HTTPTypes
import Hummingbird
import JSONCore
import NIOCore
import Settings

/// OAuth 2.0 Protected Resource Metadata (RFC 9728) of one resource of the server, which MCP's
/// authorization asks of servers that authenticate: what a client that got a 401 learns of how
/// to authenticate. The server describes two resources:
///
/// - ``mcpEndpoint(publicURL:authorizationServers:)``: the MCP endpoint, resource
///   `<MCP_SERVER_URL>/mcp`, served at `/.well-known/oauth-protected-resource/mcp` (RFC 9728 §3:
///   the well-known suffix goes between the host and the resource's path) and named by `/mcp`'s
///   401s;
/// - ``server(publicURL:authorizationServers:)``: the server as a whole, resource
///   `<MCP_SERVER_URL>`, served at `/.well-known/oauth-protected-resource` and named by the
///   legacy `/sse` and `/messages` routes' 401s (a client checks that the resource is the URL it
///   requested, or a prefix of it: RFC 9728 §3.3).
///
/// The document (RFC 9728 §2, §3.2), `application/json`:
///
/// ```json
/// {"authorization_servers": ["https://auth.example.com"],
///  "bearer_methods_supported": ["header"],
///  "resource": "https://mcp.example.com/mcp",
///  "resource_name": "paragon-mcp"}
/// ```
///
/// `authorization_servers` is there only when `auth.authorization_servers` lists issuers: the
/// credential is a Paragon user token, which no authorization server of the server's own issues,
/// so none is advertised unless the operator fronts the server with one.
///
/// The documents are served under `MCP_SERVER_URL` as the server is reached: behind a proxy
/// mounting the server at `/paragon`, the 401s name
/// `https://host/paragon/.well-known/oauth-protected-resource/mcp`, which that proxy forwards; the
/// location RFC 9728 §3 forms from the resource (`https://host/.well-known/oauth-protected-resource/paragon/mcp`)
/// is the proxy's to route, if clients are to find it without a 401.
package struct ProtectedResourceMetadata: Sendable, Equatable {
    /// The well-known URI suffix RFC 9728 registers (§8.3), as a path.
    package static let wellKnownPath = "/.well-known/oauth-protected-resource"
    /// `resource_name` (RFC 9728 §2): the resource as people read it.
    package static let resourceName = "paragon-mcp"
    /// `bearer_methods_supported` (RFC 9728 §2): the `Authorization` header only (RFC 6750 §2.1).
    package static let bearerMethods = ["header"]
    /// How long a client or cache may reuse a document: it changes only when the server restarts.
    package static let cacheControl = "public, max-age=3600"

    /// `resource` (RFC 9728 §2): the resource identifier (§1.2), `MCP_SERVER_URL` without a
    /// trailing `/`, then the resource's path.
    package let resource: String
    /// `authorization_servers` (RFC 9728 §2): issuer identifiers (RFC 8414 §2); left out when
    /// empty.
    package let authorizationServers: [String]
    /// The path this server serves the document at: ``wellKnownPath``, then the resource's path.
    package let path: String
    /// Where clients fetch the document: `MCP_SERVER_URL` without a trailing `/`, then ``path``.
    /// A 401's `WWW-Authenticate` names it (RFC 9728 §5.1).
    package let url: String

    /// The metadata of the resource at `endpoint` (`""` for the server itself, `/mcp`) of the
    /// server reached at `publicURL`.
    package init(publicURL: String, endpoint: String, authorizationServers: [String]) {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        self.resource = base + endpoint
        self.authorizationServers = authorizationServers
        self.path = Self.wellKnownPath + endpoint
        self.url = base + path
    }

    /// The server as a whole: resource `publicURL`, at `/.well-known/oauth-protected-resource`.
    package static func server(publicURL: String, authorizationServers: [String]) -> Self {
        Self(publicURL: publicURL, endpoint: "", authorizationServers: authorizationServers)
    }

    /// The MCP endpoint: resource `publicURL/mcp`, at `/.well-known/oauth-protected-resource/mcp`.
    package static func mcpEndpoint(publicURL: String, authorizationServers: [String]) -> Self {
        Self(publicURL: publicURL, endpoint: "/mcp", authorizationServers: authorizationServers)
    }

    /// Both documents of a server configured with `config`: the server's and the MCP endpoint's.
    package static func documents(for config: HostConfig) -> (server: Self, mcpEndpoint: Self) {
        let (url, issuers) = (config.server.publicURL, config.auth.authorizationServers)
        return (
            server(publicURL: url, authorizationServers: issuers),
            mcpEndpoint(publicURL: url, authorizationServers: issuers)
        )
    }

    /// The JSON document (RFC 9728 §3.2), members sorted by name.
    package var document: JSONValue {
        var members: [String: JSONValue] = [
            "resource": .string(resource),
            "bearer_methods_supported": .array(Self.bearerMethods.map(JSONValue.string)),
            "resource_name": .string(Self.resourceName),
        ]
        if !authorizationServers.isEmpty {
            members["authorization_servers"] = .array(authorizationServers.map(JSONValue.string))
        }
        return .object(members)
    }

    /// The answer to `GET` ``path``: 200, `application/json` (RFC 9728 §3.2), cacheable; `body`
    /// is ``document`` encoded, once for every request.
    package func response(body: [UInt8]? = nil) -> Response {
        HTTPReplies.json(.ok, body ?? document.encoded(), headers: [.cacheControl: Self.cacheControl])
    }

    /// The `WWW-Authenticate` value of a 401 (RFC 6750 §3 with RFC 9728 §5.1):
    /// `Bearer resource_metadata="<url>"`, then `error="<error>"` when given (RFC 6750 §3.1:
    /// `invalid_token` for a token that failed; none when the request carried no credentials).
    package static func bearerChallenge(resourceMetadata url: String, error: String? = nil) -> String {
        var challenge = "Bearer resource_metadata=" + quoted(url)
        if let error { challenge += ", error=" + quoted(error) }
        return challenge
    }

    /// An HTTP quoted-string (RFC 9110 §5.6.4).
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension ProtectedResourceMetadata {
    /// Serves `documents` at their paths, to anyone: no Host, Origin or token checks (the
    /// metadata is public, and a client reads it before it has a token); CORS as every route of
    /// the front (``MCPCORSMiddleware``).
    package static func register<Context: RequestContext>(_ documents: [Self], on router: Router<Context>) {
        for metadata in documents {
            let body = metadata.document.encoded()
            router.get(RouterPath(metadata.path)) { _, _ in metadata.response(body: body) }
        }
    }
}
