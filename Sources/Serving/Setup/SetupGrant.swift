/// What a valid setup token grants: opening the Connect Portal for one integration, as one user.
package struct SetupGrant: Sendable, Equatable {
    package var userID: String
    package var integration: String
    package var projectID: String
    /// The 2025-11-25 URL elicitation the link was issued for, if any.
    package var elicitationID: String? = nil
    /// What makes the link's completion single-use: 16 bytes of the SHA-256 of its token.
    package var nonce: [UInt8] = []
    /// When the link expires (seconds since 1970).
    package var expiresAt: Int = 0
}
