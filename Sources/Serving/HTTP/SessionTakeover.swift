import Logging
import MCPCore
import Observability

/// Serving a Streamable HTTP session this instance does not hold (cluster mode): another
/// instance opened it, or this one before a restart. Its record is read once from the shared
/// ``SessionDirectory`` and the session made live here, as if opened here: later requests on it
/// cost no round trip.
package struct SessionTakeover: Sendable {
    package let sessions: SessionStore
    package let directory: any SessionDirectory
    package let metrics: ServerMetrics
    package let logger: Logger

    /// The session `id` of `principal`'s user, live here from now on.
    /// - Throws: an ``HTTPRejection`` of 404 (no instance knows it: never opened, deleted or
    ///   ended idle), 403 (another user's), 503 naming the cap (this instance's session caps) or
    ///   503 with `Retry-After` (the store does not answer: whether the session is still open is
    ///   unknown, so it is not served).
    package func session(
        _ id: String, of principal: Principal, on transport: SessionTransport
    ) async throws(HTTPRejection) -> MCPSession {
        let record: SessionRecord?
        do throws(SessionDirectoryError) {
            record = try await directory.resolve(id)
        } catch {
            throw HTTPRejection(response: HTTPReplies.storeUnavailable("the session cannot be looked up"))
        }
        guard let record, record.transport == transport else {
            throw HTTPRejection(response: HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        guard record.userID == principal.userID else {
            throw HTTPRejection(
                response: HTTPReplies.error(.forbidden, .server("Forbidden: the session belongs to another user")))
        }
        if case .failure(let cap) = sessions.reserve(for: principal.userID) {
            throw HTTPRejection(response: HTTPReplies.capacityReached(cap))
        }
        let taken = MCPSession(id: id, record: record, owner: principal)
        let live = sessions.activate(taken)
        // Ended between the read and now (its end's announcement found no copy to close): not served.
        if directory.hasEnded(id) {
            sessions.close(live, reason: "ended on another instance")
            throw HTTPRejection(response: HTTPReplies.error(.notFound, .sessionNotFound()))
        }
        if live === taken {
            metrics.sessionsTakenOver.increment()
            logger.debug("serving a session another instance opened", metadata: ["session": "\(id)"])
        }
        return live
    }
}
