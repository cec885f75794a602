import Crypto
import Foundation
import JWTKit
import MCPCore
import Synchronization

/// Mints and checks setup links: `{MCP_SERVER_URL}/setup?token=...`. The token is an HS256 JWT
/// whose key is derived from the signing key, so every instance sharing that key accepts it and
/// none needs to remember it. It carries no user token, and it is refused as a bearer token
/// (those are RS256 only).
package final class SetupLinks: Sendable {
    private let keys: JWTKeyCollection
    private let base: Mutex<String>
    package let projectID: String
    package let lifetime: TimeInterval

    package init(signingKey: JWTKit.Insecure.RSA.PrivateKey, publicURL: String, projectID: String, lifetimeSeconds: Int)
        async
    {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(key: Self.derivedKey(from: signingKey)), digestAlgorithm: .sha256)
        self.base = Mutex(publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL)
        self.projectID = projectID
        self.lifetime = TimeInterval(lifetimeSeconds)
    }

    /// The key for setup tokens: derived, so a setup token and a user token never share a key.
    package static func derivedKey(from signingKey: JWTKit.Insecure.RSA.PrivateKey) -> SymmetricKey {
        DerivedKeys.key(fromSigningKeyDER: Array(signingKey.derRepresentation), info: "paragon-mcp setup link v1")
    }

    /// A token letting `userID` connect `integration`, valid for the configured lifetime;
    /// `elicitationID` names the 2025-11-25 URL elicitation it completes, if any.
    package func token(userID: String, integration: String, elicitationID: String? = nil, now: Date = Date())
        async throws -> String
    {
        try await keys.sign(
            SetupLinkClaims(
                typ: SetupLinkClaims.type, usr: userID, int: integration, prj: projectID, eid: elicitationID,
                exp: ExpirationClaim(
                    value: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + lifetime).rounded(.down)))))
    }

    /// Where links point: `MCP_SERVER_URL`, without a trailing `/`.
    package var publicURL: String { base.withLock { $0 } }

    /// Points links at `url` from now on (the setup pages moved to another port).
    package func serve(at url: String) {
        base.withLock { $0 = url.hasSuffix("/") ? String(url.dropLast()) : url }
    }

    /// The link a user opens to connect `integration`.
    package func link(userID: String, integration: String, elicitationID: String? = nil) async throws -> String {
        "\(publicURL)/setup?token=\(try await token(userID: userID, integration: integration, elicitationID: elicitationID))"
    }

    /// What `token` grants; nil when it is missing, malformed, forged, expired or for another project.
    package func verify(_ token: String?) async -> SetupGrant? {
        guard let token, !token.isEmpty, token.utf8.count < 4096,
            let claims = try? await keys.verify(token, as: SetupLinkClaims.self), claims.prj == projectID,
            !claims.usr.isEmpty, !claims.int.isEmpty
        else { return nil }
        return SetupGrant(
            userID: claims.usr, integration: claims.int, projectID: claims.prj, elicitationID: claims.eid,
            nonce: Array(SHA256.hash(data: Array(token.utf8)).prefix(16)),
            expiresAt: Int(claims.exp.value.timeIntervalSince1970))
    }
}
