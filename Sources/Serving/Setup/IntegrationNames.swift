import AsyncHTTPClient
import Foundation
import JSONCore
import Logging
import ParagonModel
import Synchronization

/// The names people read for the project's integrations (`Google Calendar` for
/// `googleCalendar`), for setup pages and setup-link texts. Read from the project's integration
/// list (`GET {zeus}/projects/{id}/sdk/integrations`, each entry's `name`, or a custom
/// integration's own name), asked with the token of the user who needs a name (the list is the
/// project's, the same for every user), kept for a while, fetched once however many ask at the
/// same moment. When the list cannot be had, the key is spelled out (`googleCalendar` →
/// `Google Calendar`).
package final class IntegrationNames: Sendable {
    /// Fetches the list with a user's token.
    package typealias Fetch = @Sendable (_ token: String) async throws -> [String: String]

    private enum Entry {
        case loading(Task<[String: String], any Error>)
        case ready([String: String], expires: ContinuousClock.Instant)
    }

    private let state = Mutex<Entry?>(nil)
    private let fetch: Fetch
    private let ttl: Duration
    /// How soon a failed fetch is tried again.
    private let retryAfter: Duration
    private let logger: Logger

    package init(
        ttl: Duration = .seconds(600), retryAfter: Duration = .seconds(30), logger: Logger, fetch: @escaping Fetch
    ) {
        self.fetch = fetch
        self.ttl = ttl
        self.retryAfter = retryAfter
        self.logger = logger
    }

    /// Names from the project's Zeus list, with `client`.
    package convenience init(zeusURL: String, projectID: String, client: HTTPClient, logger: Logger) {
        self.init(logger: logger) { token in
            Self.names(
                in: try await ZeusRequest.json(
                    "\(zeusURL)/projects/\(projectID)/sdk/integrations", token: token, client: client))
        }
    }

    /// The display name of `integration` (a key as tools name it: `slack`, `custom.spotify`),
    /// for the user whose Paragon user token is `token`.
    package func displayName(of integration: String, token: String) async -> String {
        await names(token: token)[integration] ?? IntegrationKey.spelledOut(integration)
    }

    private func names(token: String) async -> [String: String] {
        let now = ContinuousClock.now
        let task = state.withLock { entry -> Task<[String: String], any Error>? in
            switch entry {
            case .ready(_, let expires) where expires > now: return nil
            case .loading(let task): return task
            default:
                let task = Task { try await fetch(token) }
                entry = .loading(task)
                return task
            }
        }
        guard let task else {
            if case .ready(let names, _) = state.withLock({ $0 }) { return names }
            return [:]
        }
        let result = await task.result
        let names = (try? result.get()) ?? [:]
        if case .failure(let error) = result {
            logger.warning("could not read the project's integration names; spelling out keys: \(error)")
        }
        let kept = result.isSuccess ? ttl : retryAfter
        state.withLock { entry in
            if case .loading = entry { entry = .ready(names, expires: .now + kept) }
        }
        return names
    }

    /// Key → name for each entry of a Zeus integration list.
    package static func names(in list: JSONValue) -> [String: String] {
        var names: [String: String] = [:]
        for entry in list.arrayValue ?? [] {
            guard let type = entry["type"]?.stringValue else { continue }
            let customName =
                entry["customIntegrationId"]?.stringValue == nil
                ? nil : entry["customIntegration"]?["name"]?.stringValue
            let key = IntegrationKey.of(type: type, customName: customName)
            if let name = entry["name"]?.stringValue ?? customName, !name.isEmpty {
                names[key] = name
            }
        }
        return names
    }
}

extension Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
