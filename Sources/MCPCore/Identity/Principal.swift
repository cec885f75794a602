import Foundation

/// An authenticated end user: who, with which token, and until when that token is valid.
package struct Principal: Sendable, Equatable {
    package var userID: String
    package var token: String
    /// The token's `exp`; nil when it has none.
    package var expiresAt: Date?

    package init(userID: String, token: String, expiresAt: Date? = nil) {
        self.userID = userID
        self.token = token
        self.expiresAt = expiresAt
    }

    package var identity: UserIdentity { UserIdentity(userID: userID, token: token) }
}
