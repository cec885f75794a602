import Hummingbird

/// A request refused before it reached MCP: the response that says why.
package struct HTTPRejection: Error {
    package let response: Response

    /// Runs a handler; a rejection becomes its response, anything else a 500 without details.
    package static func answer(_ handler: () async throws -> Response) async -> Response {
        do {
            return try await handler()
        } catch let rejection as HTTPRejection {
            return rejection.response
        } catch {
            return HTTPReplies.error(.internalServerError, .internalError("Internal server error"))
        }
    }
}

extension Result where Failure == HTTPRejection {
    package static func reject(_ response: Response) -> Self { .failure(HTTPRejection(response: response)) }
}
