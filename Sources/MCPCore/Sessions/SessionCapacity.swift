/// How many sessions may be open, overall and per user, as a plain state machine: sessions
/// being initialized count as open, so a burst of `initialize` requests cannot overshoot.
///
/// The per-user cap keeps one user (or, in development mode, anyone with `?user=`) from
/// taking every place: at their cap, their least recently used idle session makes room (the
/// store finds and closes it, then reserves again); only when none of theirs is idle is the
/// request refused. The global cap is never made room for.
package struct SessionCapacity: Sendable, Equatable {
    /// Which cap a refused session hit, named in the 503 answer.
    package enum Cap: Error, Sendable, Equatable, CustomStringConvertible {
        /// `MCP_MAX_SESSIONS`.
        case global(Int)
        /// `MCP_MAX_SESSIONS_PER_USER`.
        case perUser(Int)

        package var description: String {
            switch self {
            case .global(let limit):
                "the server's session capacity (MCP_MAX_SESSIONS = \(limit)) is reached"
            case .perUser(let limit):
                "this user's session capacity (MCP_MAX_SESSIONS_PER_USER = \(limit)) is reached and none of "
                    + "their sessions is idle"
            }
        }
    }

    package enum Decision: Sendable, Equatable {
        /// A place is held for the user until ``release(_:)``.
        case granted
        /// The user is at their cap: close their least recently used idle session, then ask again.
        case makeRoom
        case refused(Cap)
    }

    package let maxSessions: Int
    package let maxSessionsPerUser: Int
    package private(set) var total = 0
    package private(set) var byUser: [String: Int] = [:]

    package init(maxSessions: Int, maxSessionsPerUser: Int) {
        self.maxSessions = max(maxSessions, 1)
        self.maxSessionsPerUser = max(maxSessionsPerUser, 1)
    }

    /// Holds a place for a session of `user`. `canMakeRoom` is false once room was tried and
    /// none of the user's sessions was idle.
    package mutating func reserve(_ user: String, canMakeRoom: Bool = true) -> Decision {
        if byUser[user, default: 0] >= maxSessionsPerUser {
            return canMakeRoom ? .makeRoom : .refused(.perUser(maxSessionsPerUser))
        }
        guard total < maxSessions else { return .refused(.global(maxSessions)) }
        total += 1
        byUser[user, default: 0] += 1
        return .granted
    }

    /// A held place given back (the session failed to initialize), or a session that ended.
    package mutating func release(_ user: String) {
        guard let count = byUser[user] else { return }
        total -= 1
        byUser[user] = count > 1 ? count - 1 : nil
    }
}
