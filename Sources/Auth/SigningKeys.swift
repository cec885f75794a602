import JWTKit
import Settings
import _CryptoExtras

/// The RSA key that signs and verifies user tokens.
package enum SigningKeys {
    /// The configured key, or a fresh one in development mode when none is configured.
    package static func load(_ config: HostConfig) throws -> JWTKit.Insecure.RSA.PrivateKey? {
        if let pem = config.paragon.signingKeyPEM {
            return try JWTKit.Insecure.RSA.PrivateKey(pem: pem)
        }
        guard config.server.mode == .development else { return nil }
        return try generate()
    }

    package static func generate() throws -> JWTKit.Insecure.RSA.PrivateKey {
        try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
    }
}
