import Auth
import Hummingbird
import MCPCore
import Settings

/// Admission to the MCP routes (Streamable HTTP's `/mcp`, legacy `/sse` and `/messages`), run
/// once for them all before their handler reads a byte of the body, so nothing is parsed for a
/// stranger. The checks, in order, each refusing with an ``AdmissionRefusal``:
///
/// 1. readiness: while the server starts or drains, everyone gets 503;
/// 2. the `Host` header against ``HTTPAccessPolicy`` (403);
/// 3. the `Origin` header against ``HTTPAccessPolicy`` (403);
/// 4. authentication: a bearer token, or `?user=` in development (401, naming
///    `resourceMetadata` in its `WWW-Authenticate`: RFC 9728 §5.1).
///
/// The admitted ``Principal`` goes on the context, with the tool mode the URL asks for
/// (`?tools=direct|search|auto`; 400 for another value); the routes of the group run with an
/// ``AdmittedMCPContext``, which carries it. CORS preflights never get here:
/// ``MCPCORSMiddleware``, outside this one, answers them.
package struct AdmissionMiddleware: RouterMiddleware {
    package typealias Context = MCPRequestContext

    package let readiness: ReadinessState
    package let policy: HTTPAccessPolicy
    package let authenticator: Authenticator
    /// The URL of the protected resource metadata (RFC 9728) of the routes admitted here, which
    /// a 401 names (``ProtectedResourceMetadata/url``).
    package let resourceMetadata: String

    package init(server: MCPServer, resourceMetadata: ProtectedResourceMetadata) {
        self.readiness = server.readiness
        self.policy = server.policy
        self.authenticator = server.authenticator
        self.resourceMetadata = resourceMetadata.url
    }

    package func handle(
        _ request: Request, context: MCPRequestContext, next: (Request, MCPRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        do {
            context.principal = try await admit(request)
        } catch {
            throw error.rejection(resourceMetadata: resourceMetadata)
        }
        context.toolMode = try Self.toolMode(request)
        return try await next(request, context)
    }

    package func admit(_ request: Request) async throws(AdmissionRefusal) -> Principal {
        let readiness = readiness.current
        guard readiness == .ready else { throw .notReady(readiness) }
        guard policy.allowsHost(request.head.authority) else { throw .hostNotAllowed }
        guard policy.allowsOrigin(request.headers[.origin]) else { throw .originNotAllowed }
        do {
            return try await authenticator.authenticate(
                authorization: request.headers[.authorization],
                queryUser: request.uri.queryParameters["user"].map(String.init))
        } catch {
            throw .unauthenticated(error)
        }
    }

    /// The tool mode `?tools=` asks for (any case); nil when the URL names none.
    static func toolMode(_ request: Request) throws(HTTPRejection) -> ToolMode? {
        guard let text = request.uri.queryParameters["tools"].map(String.init), !text.isEmpty else { return nil }
        guard let mode = ToolMode(rawValue: text.lowercased()) else {
            let names = ToolMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw HTTPRejection(
                response: HTTPReplies.error(
                    .badRequest, .invalidRequest("Invalid request: ?tools= takes one of \(names), not \"\(text)\"")))
        }
        return mode
    }
}
