import Foundation
import ProviderKit

/// Zeus, Paragon's project API: which integrations the project has.
public struct ZeusClient: Sendable {
    let http: ProviderHTTPClient
    let baseURL: String
    let projectID: String

    public init(http: ProviderHTTPClient, paragon: ParagonSettings) {
        self.http = http
        self.baseURL = paragon.zeusURL
        self.projectID = paragon.projectId
    }

    /// `GET /projects/{id}/sdk/integrations`: the project's active integrations.
    public func integrations(context: CallContext) async throws -> [ParagonIntegration] {
        let response = try await UpstreamError.send(
            HTTPRequest(
                method: "GET", url: "\(baseURL)/projects/\(projectID)/sdk/integrations",
                headers: [("Authorization", "Bearer \(context.userToken)")], callID: context.callID),
            with: http, service: "Zeus")
        guard response.status / 100 == 2 else { throw UpstreamError.failure(response) }
        guard let all = try? JSONDecoder().decode([ParagonIntegration].self, from: Data(response.body)) else {
            throw ProviderError.upstreamFailure(
                status: response.status, message: "Zeus answered with an unreadable integration list")
        }
        return all.filter { $0.isActive != false }
    }
}
