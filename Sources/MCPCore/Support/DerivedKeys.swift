import Crypto

/// Keys derived from the server's RSA signing key, one per purpose, so that every instance
/// sharing the signing key derives the same ones and no two purposes share a key.
package enum DerivedKeys {
    /// HKDF-SHA256 (RFC 5869) over the DER bytes of the signing key (JWTKit's
    /// `derRepresentation`), with `info` naming the purpose: 32 bytes.
    package static func key(fromSigningKeyDER der: [UInt8], info: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: der), info: Array(info.utf8), outputByteCount: 32)
    }
}
