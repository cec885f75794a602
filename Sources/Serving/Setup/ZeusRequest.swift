import AsyncHTTPClient
import JSONCore
import NIOCore

/// A GET of Paragon's Zeus API as a user (`Authorization: Bearer <Paragon user token>`), its
/// answer read as JSON: what the setup pages' integration names and search mode's connection
/// states ask for.
package enum ZeusRequest {
    /// Zeus answered a status other than 2xx.
    package struct Unavailable: Error {
        /// The HTTP status it answered.
        package var status: Int
    }

    /// The JSON at `url`, asked with `token` within 2 s, at most 4 MiB.
    /// - Throws: ``Unavailable`` for a status other than 2xx; the client's errors; a JSON
    ///   syntax error.
    package static func json(_ url: String, token: String, client: HTTPClient) async throws -> JSONValue {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await client.execute(request, timeout: .seconds(2))
        let body = try await response.body.collect(upTo: 4 << 20)
        guard response.status.code / 100 == 2 else { throw Unavailable(status: Int(response.status.code)) }
        return try JSONValue.parse(body.readableBytesView)
    }
}
