import HTTPTypes
import Hummingbird
import NIOCore

/// Responses of the HTTP front.
enum HTTPReplies {
    static let jsonContentType = "application/json"

    /// A JSON-RPC error with `"id": null` (or the request's id) and the given HTTP status.
    static func error(
        _ status: HTTPResponse.Status, _ error: JSONRPCError, id: JSONRPCID? = nil,
        headers: HTTPFields = [:]
    ) -> Response {
        json(status, JSONRPCEncoding.error(id: id, error), headers: headers)
    }

    static func json(_ status: HTTPResponse.Status, _ body: [UInt8], headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = jsonContentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func accepted() -> Response {
        Response(status: .accepted, headers: [.contentLength: "0"])
    }

    static func methodNotAllowed(allow: String) -> Response {
        var response = error(.methodNotAllowed, .server("Method not allowed"))
        response.headers[.allow] = allow
        return response
    }
}
