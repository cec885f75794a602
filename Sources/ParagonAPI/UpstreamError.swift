import Foundation
import ProviderKit

/// How a Paragon API's error answers become a provider's outcome.
public enum UpstreamError {
    /// What Paragon answers for an integration the user has not connected.
    public static let notEnabled = "Integration not enabled for user."
    /// How much of an upstream error body reaches the agent.
    public static let maxMessageLength = 1000

    /// The upstream message: the JSON body's `message`, else the body, cut to a sane length.
    public static func message(of response: HTTPResponse) -> String {
        let text: String
        if let json = try? JSONValue.parse(response.body), let message = json["message"]?.stringValue {
            text = message
        } else {
            text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text.count > maxMessageLength ? String(text.prefix(maxMessageLength)) + "…" : text
    }

    /// The outcome of a non-2xx answer: needs-connection for `integration` when Paragon says so,
    /// else an upstream failure with the status and message.
    public static func failure(_ response: HTTPResponse, integration: String? = nil) -> ProviderError {
        let message = message(of: response)
        if let integration, message.contains(notEnabled) { return .needsConnection(integration: integration) }
        return .upstreamFailure(status: response.status, message: message)
    }

    /// Sends `request`; a request that got no response becomes ``unreachable(_:_:)``.
    public static func send(_ request: HTTPRequest, with http: ProviderHTTPClient, service: String) async throws
        -> HTTPResponse
    {
        do {
            return try await http.send(request)
        } catch {
            throw unreachable(service, error)
        }
    }

    /// The outcome of a request to `service` (`the Paragon Proxy API`, `Zeus`, `ActionKit`) that
    /// got no response: an upstream failure without a status whose message is `<service> could
    /// not be reached`, then the host's message, which says why (a refused connection, a
    /// timeout); the provider adds nothing else.
    public static func unreachable(_ service: String, _ failure: HTTPFailure) -> ProviderError {
        let reason = failure.message.trimmingCharacters(in: .whitespacesAndNewlines)
        let message = "\(service) could not be reached" + (reason.isEmpty ? "" : ": \(reason)")
        return .upstreamFailure(status: 0, message: message)
    }
}
