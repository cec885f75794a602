import Foundation
import MCPCore
import Synchronization

/// Authenticates a request: `Authorization: Bearer <Paragon user token>`, or in development
/// mode and only then, `?user=ID` (the server signs a token for ID itself).
package final class Authenticator: Sendable {
    package let verifier: TokenVerifier
    package let signer: TokenSigner
    package let developmentMode: Bool
    /// The principal of each `?user=` id, from a token signed once and reused while it lives.
    private let developmentPrincipals = Mutex<[String: Principal]>([:])

    package init(verifier: TokenVerifier, signer: TokenSigner, developmentMode: Bool) {
        self.verifier = verifier
        self.signer = signer
        self.developmentMode = developmentMode
    }

    /// `authorization` is the header's value; `queryUser` the `user` query parameter.
    package func authenticate(authorization: String?, queryUser: String?) async throws(AuthError) -> Principal {
        if let authorization {
            let parts = authorization.split(separator: Character(" "), maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .invalidToken }
            let token = String(parts[1].trimmingSpaces)
            guard !token.isEmpty else { throw .invalidToken }
            return try await verifier.verify(token)
        }
        guard developmentMode, let user = queryUser, !user.isEmpty else { throw .missingCredentials }
        return try await developmentPrincipal(for: user)
    }

    /// The principal of `userID` in development mode: its token is signed and verified once,
    /// then reused until shortly before it expires (no token is hashed or verified on the way).
    package func developmentPrincipal(for userID: String) async throws(AuthError) -> Principal {
        let soon = Date().addingTimeInterval(30)
        if let principal = developmentPrincipals.withLock({ $0[userID] }),
            (principal.expiresAt ?? .distantFuture) > soon
        {
            return principal
        }
        guard let token = try? await signer.userToken(for: userID) else { throw .invalidToken }
        let principal = try await verifier.verify(token)
        developmentPrincipals.withLock { $0[userID] = principal }
        return principal
    }
}
