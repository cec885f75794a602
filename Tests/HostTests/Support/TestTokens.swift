import Crypto
import Foundation
import JWTKit

/// Real RS256 tokens signed with the test key, and forged ones for the refusal tests.
enum TestTokens {
    struct Claims: JWTPayload {
        var sub: SubjectClaim?
        var iat: IssuedAtClaim?
        var exp: ExpirationClaim?
        var nbf: NotBeforeClaim?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func key() throws -> JWTKit.Insecure.RSA.PrivateKey {
        try JWTKit.Insecure.RSA.PrivateKey(pem: try TestKeys.privateKeyPEM())
    }

    /// A token for `sub`; `expiresIn` nil for no `exp`.
    static func sign(
        sub: String?, expiresIn: TimeInterval? = 3600, notBefore: Date? = nil,
        key: JWTKit.Insecure.RSA.PrivateKey? = nil
    ) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: try key ?? Self.key(), digestAlgorithm: .sha256)
        let now = Date()
        let claims = Claims(
            sub: sub.map { SubjectClaim(value: $0) }, iat: IssuedAtClaim(value: now),
            exp: expiresIn.map { ExpirationClaim(value: now.addingTimeInterval($0)) },
            nbf: notBefore.map { NotBeforeClaim(value: $0) })
        return try await keys.sign(claims)
    }

    /// HS256 signed with the server's public key PEM as the secret (the classic confusion).
    static func hs256WithPublicKey(sub: String) throws -> String {
        let secret = try key().publicKey.pemRepresentation
        let header = base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = base64URL(Data(#"{"sub":"\#(sub)","exp":\#(Int(Date().timeIntervalSince1970) + 3600)}"#.utf8))
        let signature = HMAC<SHA256>.authenticationCode(
            for: Data("\(header).\(payload)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "\(header).\(payload).\(base64URL(Data(signature)))"
    }

    /// `alg: none`, no signature.
    static func unsigned(sub: String) -> String {
        let header = base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let payload = base64URL(Data(#"{"sub":"\#(sub)"}"#.utf8))
        return "\(header).\(payload)."
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
