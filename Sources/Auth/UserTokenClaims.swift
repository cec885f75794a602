import JWTKit

/// The claims of a Paragon user token: `sub` is required; `exp` and `nbf` are enforced when
/// present, without leeway. Tokens this server mints also carry `iat` and a `payload` object.
package struct UserTokenClaims: JWTPayload {
    package var sub: SubjectClaim
    package var iat: IssuedAtClaim?
    package var exp: ExpirationClaim?
    package var nbf: NotBeforeClaim?
    package var payload: [String: String]?

    package func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp?.verifyNotExpired()
        try nbf?.verifyNotBefore()
    }
}
