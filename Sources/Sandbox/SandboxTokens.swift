import Foundation
import JWTKit

/// Verifies Paragon user tokens as Paragon does: RS256 with the project's key, a `sub`, `exp`
/// enforced. Also signs them, for the CLI's convenience tokens.
final class SandboxTokens: Sendable {
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var exp: ExpirationClaim?
        var nbf: NotBeforeClaim?
        var iat: IssuedAtClaim?

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try exp?.verifyNotExpired()
            try nbf?.verifyNotBefore()
        }
    }

    private let keys = JWTKeyCollection()
    private let signer = JWTKeyCollection()

    init(key: Insecure.RSA.PrivateKey) async {
        await keys.add(rsa: key.publicKey, digestAlgorithm: .sha256)
        await signer.add(rsa: key, digestAlgorithm: .sha256)
    }

    /// The token's `sub`, or nil when Paragon would refuse it.
    func subject(ofBearer header: String?) async -> String? {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        return await subject(of: token)
    }

    func subject(of token: String) async -> String? {
        guard let claims = try? await keys.verify(token, as: Claims.self), !claims.sub.value.isEmpty else {
            return nil
        }
        return claims.sub.value
    }

    func sign(user: String, lifetime: TimeInterval) async throws -> String {
        // Whole seconds, as Paragon and the TypeScript server write `iat` and `exp` (RFC 7519
        // NumericDate allows fractions, but some verifiers do not).
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        return try await signer.sign(
            Claims(
                sub: SubjectClaim(value: user), exp: ExpirationClaim(value: now.addingTimeInterval(lifetime)), nbf: nil,
                iat: IssuedAtClaim(value: now)))
    }
}
