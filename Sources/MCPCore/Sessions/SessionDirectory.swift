/// Where handshake-era sessions are known beyond this instance (cluster mode, the ``Cluster``
/// module's, on PostgreSQL); nil for a single instance, whose sessions live in its memory only.
///
/// A session's record is written once, when it opens, and read once by each other instance
/// that serves it (it never changes, so they keep it): a request on a session this instance
/// holds costs no round trip. That the session is still in use is written in the background,
/// a few times per idle timeout, for every session an instance used meanwhile; a session no
/// instance used for its idle timeout (that of the instance that opened it) ends everywhere.
package protocol SessionDirectory: Sendable {
    /// Records a session that just opened here, before its id reaches the client.
    /// - Throws: ``SessionDirectoryError/unavailable(reason:)``: the session cannot be shared.
    func opened(_ id: String, _ record: SessionRecord) async throws(SessionDirectoryError)

    /// The record of session `id` when it is open somewhere; nil when no instance knows it (never
    /// opened, deleted or ended idle).
    /// - Throws: ``SessionDirectoryError/unavailable(reason:)``: whether it is open is unknown.
    func resolve(_ id: String) async throws(SessionDirectoryError) -> SessionRecord?

    /// Ends session `id` of `userID` everywhere (the other instances drop their copies).
    /// ``SessionEnding/unknown`` when no instance knows it, or it is another user's. When the
    /// store does not answer: with `deferring`, ``SessionEnding/deferred`` (it ends everywhere
    /// once the store answers), else ``SessionEnding/unavailable`` (nothing done).
    func end(_ id: String, userID: String, deferring: Bool) async -> SessionEnding

    /// Hands `body`, a client message posted for legacy HTTP+SSE session `id` of `userID`, to
    /// the instance holding the session's stream, which handles it as if posted there (its
    /// answers go on the stream). False when no instance holds such a session of that user.
    /// - Throws: ``SessionDirectoryError/unavailable(reason:)``: the message was not handed on.
    func relay(_ body: [UInt8], to id: String, userID: String) async throws(SessionDirectoryError) -> Bool

    /// Whether this instance heard lately that session `id` ended, with no round trip: a
    /// takeover that read the session's record just before its end checks it once the session is
    /// live here.
    func hasEnded(_ id: String) -> Bool
}

/// What ``SessionDirectory/end(_:userID:deferring:)`` did.
package enum SessionEnding: Sendable, Equatable {
    case ended
    /// No instance knows the session for that user.
    case unknown
    /// The store does not answer: the session ends everywhere once it does.
    case deferred
    /// The store does not answer: nothing was done.
    case unavailable
}

/// Why the session directory could not answer.
package enum SessionDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shared store does not answer (`reason` says how it failed).
    case unavailable(reason: String)

    package var description: String {
        switch self {
        case .unavailable(let reason): "the cluster's session store does not answer: \(reason)"
        }
    }
}
