import HTTPTypes
import Hummingbird

/// Cross-origin resource sharing (the Fetch standard's CORS protocol) for the browser origins
/// `MCP_ALLOWED_ORIGINS` admits (and the server's own, and localhost's in development): a
/// preflight gets 204 with the methods and headers MCP uses, and every answer to such an origin
/// names it and exposes `Mcp-Session-Id`, so browser clients (MCP Inspector's direct mode) can
/// keep a session; so does a refusal thrown as ``HTTPRejection`` (admission's 401 among them).
/// Other origins get no CORS headers, and their preflights 403. Runs outside
/// ``AdmissionMiddleware``: a preflight carries no credentials, and is answered here.
///
/// Hummingbird's `CORSMiddleware` is not used: it sends `Access-Control-Expose-Headers` only on
/// preflights, where browsers ignore it, so a browser could never read `Mcp-Session-Id`.
package struct MCPCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    package let policy: HTTPAccessPolicy

    package static var allowedMethods: String { "GET, POST, DELETE, OPTIONS" }
    package static var allowedHeaders: String {
        "Accept, Authorization, Content-Type, Last-Event-ID, Mcp-Session-Id, MCP-Protocol-Version, Mcp-Method, "
            + "Mcp-Name"
    }
    /// The headers a preflight allows: ``allowedHeaders``, plus the `Mcp-Param-*` headers the
    /// browser asks for (a 2026-07-28 call mirrors arguments in headers named by each tool's
    /// schema, so no fixed list can hold them).
    package static func allowedHeaders(requested: String?) -> String {
        let params = (requested ?? "").split(separator: ",").map { $0.trimmingSpaces }
            .filter { name in
                name.lowercased().hasPrefix("mcp-param-") && name.utf8.count <= 128
                    && name.utf8.allSatisfy { byte in
                        byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                            || (0x61...0x7A).contains(byte)
                    }
            }
        return params.isEmpty ? allowedHeaders : allowedHeaders + ", " + params.joined(separator: ", ")
    }
    package static var exposedHeaders: String { "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate" }
    /// How long a browser may reuse a preflight's answer, in seconds.
    package static var maxAge: String { "600" }

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin] else { return try await next(request, context) }
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        guard policy.allowsOrigin(origin) else {
            // Same-origin requests carry an Origin too; only a preflight is refused outright.
            guard isPreflight else { return try await next(request, context) }
            return Response(status: .forbidden, headers: [.vary: "Origin", .contentLength: "0"])
        }
        if isPreflight {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: origin, .accessControlAllowMethods: Self.allowedMethods,
                    .accessControlAllowHeaders: Self.allowedHeaders(
                        requested: request.headers[.accessControlRequestHeaders]),
                    .accessControlMaxAge: Self.maxAge,
                    .vary: "Origin",
                ])
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let rejection as HTTPRejection {
            // The front's refusals carry the headers too, so a browser can read why.
            response = rejection.response
        }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposedHeaders
        response.headers[values: .vary].append("Origin")
        return response
    }
}
