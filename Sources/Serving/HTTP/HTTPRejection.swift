import Hummingbird

/// A request refused before it reached MCP (admission, body reading, session lookup, session
/// capacity): the response that says why. Thrown, and sent by Hummingbird as it stands
/// (``HTTPResponseError``); ``MCPCORSMiddleware`` gives it the CORS headers of any other answer.
package struct HTTPRejection: HTTPResponseError {
    package let response: Response

    package init(response: Response) {
        self.response = response
    }

    package var status: HTTPResponse.Status { response.status }

    package func response(from request: Request, context: some RequestContext) -> Response { response }
}
