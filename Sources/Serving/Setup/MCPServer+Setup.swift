import Foundation
import MCPCore

extension MCPServer {
    /// The user connected an integration: their tool list is fetched anew, then each of their
    /// open sessions with a server-to-client stream gets `notifications/tools/list_changed`.
    /// Returns how many sessions were told.
    package func integrationConnected(_ grant: SetupGrant) async -> Int {
        let requestID = dispatcher.requestIDs.next()
        metrics.setupLinkCompleted()
        connectedIntegrations?.forget(grant.userID)
        logger.info(
            "user connected \(grant.integration); refreshing their tools",
            metadata: ["user": "\(grant.userID)", "request": "\(requestID)"])
        do {
            let token = try await authenticator.signer.userToken(for: grant.userID, lifetime: 300)
            try await dispatcher.registry.withCurrent { registry in
                try await registry.refresh(
                    for: UserIdentity(userID: grant.userID, token: token), requestID: requestID)
            }
        } catch {
            // The old list is gone from the cache either way; the next request fetches again.
            logger.warning("could not refresh the tools of a user after a connection: \(error)")
        }
        if let elicitationID = grant.elicitationID { elicitationCompleted(elicitationID, userID: grant.userID) }
        await cluster?.integrationConnected(userID: grant.userID, elicitationID: grant.elicitationID)
        return notifyToolListChanged(userID: grant.userID)
    }

    /// Whether this is the first completion of `grant`'s link (on any instance, in cluster
    /// mode). When the ledger cannot tell (its store does not answer), it counts as the first:
    /// telling the user's sessions twice is better than not at all.
    package func firstCompletion(of grant: SetupGrant) async -> Bool {
        guard let ledger = dispatcher.resumable?.ledger else { return true }
        let now = Int(Date().timeIntervalSince1970)
        do {
            return try await ledger.consume(nonce: grant.nonce, expiresAt: grant.expiresAt, now: now)
        } catch {
            logger.warning("could not check whether a setup link was completed before: \(error)")
            return true
        }
    }

    /// Another instance saw `userID`'s tool list change (cluster mode): the list cached here is
    /// dropped, so the next request fetches it, and the user's open streams here are told.
    /// Returns how many sessions and streams were told.
    @discardableResult
    package func peerToolListChanged(userID: String) -> Int {
        dispatcher.registry.current.lists.invalidate(userID)
        connectedIntegrations?.forget(userID)
        return notifyToolListChanged(userID: userID)
    }

    /// Tells `userID`'s tool-list listeners (nil: everyone's) that their list changed: each open
    /// session with a server-to-client stream gets `notifications/tools/list_changed`, and each
    /// 2026-07-28 `subscriptions/listen` stream that asked for it the same, tagged with its
    /// subscription id. Returns how many sessions and streams were told.
    @discardableResult
    package func notifyToolListChanged(userID: String? = nil) -> Int {
        let notification = JSONRPCEncoding.notification("notifications/tools/list_changed")
        let told = everySession.filter { (userID == nil || $0.owner.userID == userID) && $0.send(notification) }.count
        return told + subscriptions.toolListChanged(userID: userID)
    }

    /// The user finished the 2025-11-25 URL elicitation `elicitationID`: their sessions whose
    /// client declared URL elicitation get `notifications/elicitation/complete` (MCP 2025-11-25,
    /// Elicitation: URL mode completion), so the client may retry the call.
    package func elicitationCompleted(_ elicitationID: String, userID: String) {
        let notification = JSONRPCEncoding.notification(
            "notifications/elicitation/complete", params: ["elicitationId": .string(elicitationID)])
        for session in everySession
        where session.owner.userID == userID
            && ConnectPrompt(caller: session.caller, resumable: false) == .urlElicitationError
        {
            session.send(notification)
        }
    }

    /// The open sessions: the HTTP session store's and the local ones (stdio's).
    private var everySession: [MCPSession] { sessions.all + localSessions.withLock { $0 } }

    /// Registers a session that lives outside the HTTP session store (stdio's) for tool-list
    /// change notifications.
    package func attachLocal(_ session: MCPSession) {
        localSessions.withLock { $0.append(session) }
        metrics.sessionOpened(session.transport)
    }
}
