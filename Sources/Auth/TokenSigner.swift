import Foundation
import JWTKit

/// Mints RS256 tokens with the signing key, shaped as the TypeScript server mints them: `sub`,
/// `iat`, `exp` and a `payload` object.
package struct TokenSigner: Sendable {
    private let keys: JWTKeyCollection

    package init(signingKey: Insecure.RSA.PrivateKey) async {
        keys = JWTKeyCollection()
        await keys.add(rsa: signingKey, digestAlgorithm: .sha256)
    }

    /// A user token for `userID`, valid for `lifetime`.
    package func userToken(for userID: String, lifetime: TimeInterval = 7 * 24 * 3600) async throws -> String {
        // Whole seconds, as Paragon and the TypeScript server write `iat` and `exp` (RFC 7519
        // NumericDate allows fractions, but some verifiers do not).
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let claims = UserTokenClaims(
            sub: SubjectClaim(value: userID), iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)), nbf: nil, payload: [:])
        return try await keys.sign(claims)
    }
}
