import Foundation

/// An authenticated end user: who, with which token, and until when that token is valid.
public struct Principal: Sendable, Equatable {
    public var userID: String
    public var token: String
    /// The token's `exp`; nil when it has none.
    public var expiresAt: Date?

    public var identity: UserIdentity { UserIdentity(userID: userID, token: token) }
}
