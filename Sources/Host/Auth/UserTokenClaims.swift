import JWTKit

/// The claims of a Paragon user token: `sub` is required; `exp` and `nbf` are enforced when
/// present, without leeway. Tokens this server mints also carry `iat` and a `payload` object.
struct UserTokenClaims: JWTPayload {
    var sub: SubjectClaim
    var iat: IssuedAtClaim?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    var payload: [String: String]?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp?.verifyNotExpired()
        try nbf?.verifyNotBefore()
    }
}
