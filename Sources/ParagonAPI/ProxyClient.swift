import ProviderKit

/// Paragon's Proxy API: a request to an integration's API with the user's connected account.
public struct ProxyClient: Sendable {
    let http: ProviderHTTPClient
    let baseURL: String
    let projectID: String

    public init(http: ProviderHTTPClient, paragon: ParagonSettings) {
        self.http = http
        self.baseURL = paragon.proxyURL
        self.projectID = paragon.projectId
    }

    /// `<method> {proxy}/projects/{id}/sdk/proxy/{integration}` with `X-Paragon-Proxy-Url:
    /// target` (absolute, or relative to the integration's API base). `headers` come after the
    /// ones set here. A non-2xx answer becomes needs-connection or an upstream failure.
    public func send(
        integration: String, method: String, target: String, headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], context: CallContext
    ) async throws -> HTTPResponse {
        var all: [(name: String, value: String)] = [
            ("Authorization", "Bearer \(context.userToken)"), ("X-Paragon-Proxy-Url", target),
        ]
        if !body.isEmpty, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            all.append(("Content-Type", "application/json"))
        }
        all += headers
        let response = try await UpstreamError.send(
            HTTPRequest(
                method: method, url: "\(baseURL)/projects/\(projectID)/sdk/proxy/\(integration)", headers: all,
                body: body, callID: context.callID),
            with: http, service: "the Paragon Proxy API")
        guard response.status / 100 == 2 else { throw UpstreamError.failure(response, integration: integration) }
        return response
    }
}
