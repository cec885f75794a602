import JWTKit

/// What a setup link's token says: whose, for which integration of which project, until when.
/// Short claim names keep the link short (agents relay it character by character).
package struct SetupLinkClaims: JWTPayload {
    /// Always `setup`: a token minted for anything else is not a setup token.
    package var typ: String
    /// The user id.
    package var usr: String
    /// The integration to connect.
    package var int: String
    /// The Paragon project.
    package var prj: String
    /// The 2025-11-25 URL elicitation the link completes; absent for a plain link.
    package var eid: String?
    package var exp: ExpirationClaim

    package static let type = "setup"

    package func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        guard typ == Self.type else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "typ") }
    }
}
