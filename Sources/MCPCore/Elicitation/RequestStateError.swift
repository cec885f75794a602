/// Why a `requestState` a client sent was refused. Each becomes a JSON-RPC -32602 answer,
/// "Invalid params: " followed by ``message``; callers switch over the cases, never the text.
/// The messages say what the client developer can do and never carry the state's contents or
/// anything about the key. (MCP 2026-07-28 §input_required: "requestState is attacker input".)
package enum RequestStateError: Error, Sendable, Hashable {
    /// Not a state this server's format can read: ``Malformation`` says how.
    case malformed(Malformation)
    /// Well formed, but its authentication failed: altered, forged, or sealed under another key.
    case tampered
    /// Its expiry has passed.
    case expired
    /// Issued to another user than the one calling.
    case foreignUser
    /// Issued for another call: the tool's name or the arguments differ.
    case otherCall
    /// Already used for a completed call.
    case replayed
    /// The ledger (cluster mode's shared store) could not be asked: the call is refused rather
    /// than risk running it twice.
    case ledgerUnavailable

    /// How a state's text fails to be one, checked in this order.
    package enum Malformation: Sendable, Hashable {
        /// Longer than ``RequestStateSeal/maximumLength`` characters (checked before decoding).
        case tooLong
        /// Not unpadded base64url (`A-Z a-z 0-9 - _`).
        case notBase64URL
        /// Too few bytes to hold a version, an AEAD nonce and tag.
        case tooShort
        /// Its first byte names a layout this server does not know.
        case unknownVersion
        /// Authentic, yet its payload does not have the layout its version names.
        case badLayout
    }

    /// What the client is told, after "Invalid params: ".
    package var message: String {
        switch self {
        case .malformed(let malformation):
            let what =
                switch malformation {
                case .tooLong: "is longer than \(RequestStateSeal.maximumLength) characters"
                case .notBase64URL: "is not unpadded base64url"
                case .tooShort: "is too short"
                case .unknownVersion: "has a version this server does not know"
                case .badLayout: "cannot be read"
                }
            return "requestState \(what); send back the requestState of the input_required result exactly as received"
        case .tampered:
            return "requestState failed its integrity check; send it back exactly as received, "
                + "to a server of the deployment that issued it"
        case .expired:
            return "requestState has expired; call the tool again without requestState to start over"
        case .foreignUser:
            return "requestState was issued to another user; call the tool again without requestState"
        case .otherCall:
            return "requestState was issued for another call; retry with the same tool name and arguments, "
                + "or call again without requestState"
        case .replayed:
            return "requestState has already been used for a completed call; call the tool again without requestState"
        case .ledgerUnavailable:
            return "the server cannot check requestState just now (its shared store does not answer); "
                + "retry in a moment with the same requestState"
        }
    }
}
