import Crypto
import Foundation

/// Seals ``RequestState``s into the opaque `requestState` text of an `input_required` result
/// and opens the text a client echoes. MCP 2026-07-28 (§input_required) has the client send the
/// state back verbatim and says "requestState is attacker input", so the state is both
/// confidential and integrity-protected: AES-256-GCM under a key every instance sharing the
/// signing key derives alike (``derivedKey(from:)``), so any of them can open it.
///
/// The text is unpadded base64url of: a version byte (1; also the AEAD's associated data), the
/// 12-byte GCM nonce (fresh and random for each seal), the encrypted ``RequestStateLayout``
/// payload, and the 16-byte tag: 175 characters for a 6-byte user ID, a 24-byte tool name and a
/// 10-byte integration, 4 more for every 3 bytes more. Random 96-bit nonces keep one key safe
/// for well over a billion seals.
///
/// Opening authenticates only; ``verify(_:userID:tool:arguments:now:)`` also checks the expiry
/// and the call, and a ``RequestStateLedger`` makes a state good for one completed call.
package struct RequestStateSeal: Sendable {
    /// The longest text ``open(_:)`` reads, in characters (UTF-8 bytes); longer is malformed.
    /// A state fits when its user ID, tool name and integration together take under about
    /// 1 400 bytes of UTF-8; a longer one is sealed all the same and refused on the way back.
    package static let maximumLength = 2048

    /// The `info` of the key derivation: distinct from setup links' ("paragon-mcp setup link
    /// v1"), so the two keys never coincide.
    static let keyInfo = "paragon-mcp request state v1"

    private static let nonceLength = 12
    private static let tagLength = 16
    private static let overhead = 1 + nonceLength + tagLength

    private let key: SymmetricKey

    /// Seals and opens with `key`, which must be 256 bits (``derivedKey(from:)`` makes one).
    package init(key: SymmetricKey) {
        precondition(key.bitCount == 256, "a request state key is 256 bits")
        self.key = key
    }

    /// The key for request states: HKDF-SHA256 over the DER bytes of the server's RSA signing
    /// key (what signs user tokens; JWTKit's `derRepresentation`) with ``keyInfo``, 32 bytes.
    /// Derived like setup links' key (`SetupLinks.derivedKey`) but with another `info`.
    package static func derivedKey(from signingKeyDER: [UInt8]) -> SymmetricKey {
        DerivedKeys.key(fromSigningKeyDER: signingKeyDER, info: keyInfo)
    }

    /// The text of `state`: version byte, GCM nonce, ciphertext and tag, unpadded base64url.
    package func seal(_ state: RequestState) -> String {
        let version = RequestStateLayout.version
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(
                RequestStateLayout.payload(state), using: key, nonce: AES.GCM.Nonce(), authenticating: [version])
        } catch {
            // Only a key or nonce of the wrong size makes sealing fail; init and Nonce() rule both out.
            preconditionFailure("AES-GCM sealing failed: \(error)")
        }
        guard let combined = box.combined else { preconditionFailure("a 12-byte GCM nonce always combines") }
        return Base64URL.encode([version] + Array(combined))
    }

    /// The state `text` holds, authenticated.
    /// - Throws: ``RequestStateError/malformed(_:)`` when `text` is too long, not unpadded
    ///   base64url, too short or of an unknown version; ``RequestStateError/tampered`` when it
    ///   fails authentication (altered, forged, or sealed under another key).
    package func open(_ text: String) throws(RequestStateError) -> RequestState {
        guard text.utf8.count <= Self.maximumLength else { throw .malformed(.tooLong) }
        guard let bytes = Base64URL.decode(text) else { throw .malformed(.notBase64URL) }
        guard bytes.count >= Self.overhead + RequestStateLayout.minimumLength else { throw .malformed(.tooShort) }
        guard bytes[0] == RequestStateLayout.version else { throw .malformed(.unknownVersion) }
        guard let box = try? AES.GCM.SealedBox(combined: bytes[1...]),
            let payload = try? AES.GCM.open(box, using: key, authenticating: [bytes[0]])
        else { throw .tampered }
        guard let state = RequestStateLayout.state(from: Array(payload)) else { throw .malformed(.badLayout) }
        return state
    }
}
