import MCPCore

extension MCPServer {
    /// The user connected an integration: their tool list is fetched anew, then each of their
    /// open sessions with a server-to-client stream gets `notifications/tools/list_changed`.
    /// Returns how many sessions were told.
    package func integrationConnected(_ grant: SetupGrant) async -> Int {
        let requestID = dispatcher.requestIDs.next()
        metrics.setupLinkCompleted()
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
        return notifyToolListChanged { $0.owner.userID == grant.userID }
    }

    /// Sends `notifications/tools/list_changed` to the open sessions `matching` that can take
    /// it (a server-to-client stream is open); returns how many were told.
    @discardableResult
    package func notifyToolListChanged(matching: (MCPSession) -> Bool = { _ in true }) -> Int {
        let notification = JSONRPCEncoding.notification("notifications/tools/list_changed")
        let open = sessions.all + localSessions.withLock { $0 }
        return open.filter { matching($0) && $0.send(notification) }.count
    }

    /// Registers a session that lives outside the HTTP session store (stdio's) for tool-list
    /// change notifications.
    package func attachLocal(_ session: MCPSession) {
        localSessions.withLock { $0.append(session) }
        metrics.sessionOpened(session.transport)
    }
}
