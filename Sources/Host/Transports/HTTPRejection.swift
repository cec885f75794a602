import Hummingbird

/// A request refused before it reached MCP: the response that says why.
struct HTTPRejection: Error {
    let response: Response
}

extension Result where Failure == HTTPRejection {
    static func reject(_ response: Response) -> Self { .failure(HTTPRejection(response: response)) }
}
