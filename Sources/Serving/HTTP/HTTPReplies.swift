import HTTPTypes
import Hummingbird
import MCPCore
import NIOCore

/// Responses of the HTTP front.
package enum HTTPReplies {
    package static let jsonContentType = "application/json"

    /// A JSON-RPC error with `"id": null` (or the request's id) and the given HTTP status.
    package static func error(
        _ status: HTTPResponse.Status, _ error: JSONRPCError, id: JSONRPCID? = nil,
        headers: HTTPFields = [:]
    ) -> Response {
        json(status, JSONRPCEncoding.error(id: id, error), headers: headers)
    }

    package static func json(_ status: HTTPResponse.Status, _ body: [UInt8], headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = jsonContentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    package static func accepted() -> Response {
        Response(status: .accepted, headers: [.contentLength: "0"])
    }

    /// 202 with the body the TypeScript server's legacy `/messages` answers.
    package static func acceptedText() -> Response {
        Response(
            status: .accepted, headers: [.contentType: "text/plain"],
            body: .init(byteBuffer: ByteBuffer(string: "Accepted")))
    }

    /// The answer to a POST whose request is due no answer (the client cancelled it): an event
    /// stream that ends at once, which Streamable HTTP allows in place of a JSON reply.
    package static func noAnswer() -> Response {
        Response(status: .ok, headers: SSEBody.headers, body: .init(byteBuffer: ByteBuffer()))
    }

    /// 503 for a session that would exceed a cap, naming the cap.
    package static func capacityReached(_ cap: SessionCapacity.Cap) -> Response {
        error(.serviceUnavailable, .server("Session capacity reached: \(cap)"))
    }

    /// 503 with `Retry-After: 1`: cluster mode's shared store does not answer, so what needs it
    /// (`what`, a phrase: "the session cannot be shared") waits for it to come back.
    package static func storeUnavailable(_ what: String) -> Response {
        error(
            .serviceUnavailable,
            .server("Service Unavailable: the cluster's store does not answer, so \(what); retry shortly"),
            headers: [.retryAfter: "1"])
    }

    /// 500 without details.
    package static func internalError() -> Response {
        error(.internalServerError, .internalError("Internal server error"))
    }

    /// 405 naming the methods allowed; `error` is the body's (-32000 unless said otherwise).
    package static func methodNotAllowed(
        allow: String, error rejection: JSONRPCError = .server("Method not allowed")
    ) -> Response {
        var response = error(.methodNotAllowed, rejection)
        response.headers[.allow] = allow
        return response
    }
}
