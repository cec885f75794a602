import Foundation
import JWTKit
import MCPCore
import Synchronization

/// Verifies Paragon user tokens: RS256 only, with the package half of the signing key. Each
/// distinct token is verified once and remembered until it expires (RS256 verification is the
/// costliest step of a request).
package final class TokenVerifier: Sendable {
    private let keys: JWTKeyCollection
    private let cache = Mutex<[String: Principal]>([:])
    private static let cacheLimit = 10_000
    /// A token without `exp` is re-verified after this long.
    private static let unexpiringTTL: TimeInterval = 600

    package init(signingKey: Insecure.RSA.PrivateKey) async {
        keys = JWTKeyCollection()
        await keys.add(rsa: signingKey.publicKey, digestAlgorithm: .sha256)
    }

    package func verify(_ token: String) async throws(AuthError) -> Principal {
        let now = Date()
        if let cached = cache.withLock({ $0[token] }) {
            if (cached.expiresAt ?? .distantFuture) > now { return cached }
            cache.withLock { _ = $0.removeValue(forKey: token) }
        }
        let claims: UserTokenClaims
        do {
            claims = try await keys.verify(token, as: UserTokenClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw Self.isExpiry(error) ? .expiredToken : .invalidToken
        } catch {
            throw .invalidToken
        }
        guard !claims.sub.value.isEmpty else { throw .invalidToken }
        let principal = Principal(userID: claims.sub.value, token: token, expiresAt: claims.exp?.value)
        var cached = principal
        if cached.expiresAt == nil { cached.expiresAt = now.addingTimeInterval(Self.unexpiringTTL) }
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit {
                cache = cache.filter { ($0.value.expiresAt ?? .distantFuture) > now }
                if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            }
            cache[token] = cached
        }
        return principal
    }

    private static func isExpiry(_ error: JWTError) -> Bool {
        error.failedClaim is ExpirationClaim
    }
}
