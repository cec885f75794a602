import Foundation
import MCPCore
import Synchronization

/// Authenticates a request: `Authorization: Bearer <Paragon user token>`, or in development
/// mode and only then, `?user=ID` (the server signs a token for ID itself).
package final class Authenticator: Sendable {
    package let verifier: TokenVerifier
    package let signer: TokenSigner
    package let developmentMode: Bool
    private let developmentTokens = Mutex<[String: String]>([:])

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
        return try await verifier.verify(try await developmentToken(for: user))
    }

    /// A token for `userID`, signed once and reused while valid.
    package func developmentToken(for userID: String) async throws(AuthError) -> String {
        if let token = developmentTokens.withLock({ $0[userID] }),
            (try? await verifier.verify(token)) != nil
        {
            return token
        }
        guard let token = try? await signer.userToken(for: userID) else { throw .invalidToken }
        developmentTokens.withLock { $0[userID] = token }
        return token
    }
}
