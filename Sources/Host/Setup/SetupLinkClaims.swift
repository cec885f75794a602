import JWTKit

/// What a setup link's token says: whose, for which integration of which project, until when.
/// Short claim names keep the link short (agents relay it character by character).
struct SetupLinkClaims: JWTPayload {
    /// Always `setup`: a token minted for anything else is not a setup token.
    var typ: String
    /// The user id.
    var usr: String
    /// The integration to connect.
    var int: String
    /// The Paragon project.
    var prj: String
    var exp: ExpirationClaim

    static let type = "setup"

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        guard typ == Self.type else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "typ") }
    }
}
