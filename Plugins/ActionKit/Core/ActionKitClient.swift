import Foundation
import ParagonAPI
import ProviderKit

/// ActionKit's HTTP API, through the host's HTTP service.
struct ActionKitClient: Sendable {
    let http: ProviderHTTPClient
    let baseURL: String
    let projectID: String

    /// `GET /projects/{id}/actions?limit_to_available=false`: actions by integration; with
    /// `onlyAvailable`, `limit_to_available=true`: only those of the integrations the user has
    /// connected. A 429 or 5xx is retried with backoff (honouring `Retry-After`) while the
    /// call's deadline allows.
    func listActions(context: CallContext, onlyAvailable: Bool = false) async throws -> [String: [ActionKitAction]] {
        let request = HTTPRequest(
            method: "GET", url: "\(baseURL)/projects/\(projectID)/actions?limit_to_available=\(onlyAvailable)",
            headers: headers(context), callID: context.callID)
        var attempt = 0
        while true {
            let response = try await send(request)
            if response.status / 100 == 2 {
                guard let body = try? JSONValue.parse(response.body), let listing = body["actions"]?.objectValue,
                    let actions = Self.actions(listing)
                else {
                    throw ProviderError.upstreamFailure(
                        status: response.status, message: "ActionKit answered with an unreadable action list")
                }
                return actions
            }
            attempt += 1
            guard response.status == 429 || response.status >= 500,
                let delay = Retry.delay(attempt: attempt, retryAfter: response.header("retry-after")),
                ContinuousClock.now + delay < context.deadline
            else {
                throw UpstreamError.failure(response)
            }
            try await Task.sleep(for: delay)
        }
    }

    /// `POST /projects/{id}/actions` with `{action, parameters}`; never retried (a run may not
    /// be idempotent). The answer as sent: JSON, or a file's bytes with its media type.
    func runAction(
        _ name: String, parameters: JSONValue, integration: String, context: CallContext
    ) async throws -> HTTPResponse {
        let body = JSONValue.object(["action": .string(name), "parameters": parameters]).encoded()
        let response = try await send(
            HTTPRequest(
                method: "POST", url: "\(baseURL)/projects/\(projectID)/actions", headers: headers(context), body: body,
                callID: context.callID))
        guard response.status / 100 == 2 else { throw UpstreamError.failure(response, integration: integration) }
        return response
    }

    /// `{integration: [action, ...]}`; nil when it is not that shape.
    private static func actions(_ listing: [String: JSONValue]) -> [String: [ActionKitAction]]? {
        var actions: [String: [ActionKitAction]] = [:]
        for (integration, entries) in listing {
            guard let entries = entries.arrayValue else { return nil }
            let parsed = entries.compactMap(ActionKitAction.init)
            guard parsed.count == entries.count else { return nil }
            actions[integration] = parsed
        }
        return actions
    }

    private func headers(_ context: CallContext) -> [(name: String, value: String)] {
        [("Authorization", "Bearer \(context.userToken)"), ("Content-Type", "application/json")]
    }

    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await UpstreamError.send(request, with: http, service: "ActionKit")
    }
}
