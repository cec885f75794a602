import JSONCore

/// What a `requestState` carries: the call it lets a client retry once the user has connected an
/// integration. MCP 2026-07-28 (§input_required) lets a server answer `tools/call` with
/// `resultType: "input_required"`, a URL elicitation and an opaque `requestState` the client
/// echoes on its retry; since "requestState is attacker input", the state is sealed
/// (``RequestStateSeal``) and binds the user, the tool, the call's arguments, the integration and
/// an expiry, and its nonce lets a ``RequestStateLedger`` accept it for one completed call only.
package struct RequestState: Sendable, Hashable {
    /// The user the state was issued to (the principal's Paragon user ID).
    package var userID: String
    /// The name of the tool the call named.
    package var tool: String
    /// SHA-256 of the call's arguments, canonically encoded (``ArgumentsDigest``).
    package var argumentsDigest: ArgumentsDigest
    /// The integration the user is asked to connect (its Paragon key, such as `salesforce`).
    package var integration: String
    /// The first moment the state is no longer accepted, in whole seconds since 1970-01-01 UTC:
    /// it is valid while `now < expiresAt`.
    package var expiresAt: Int
    /// 16 random bytes telling this state apart from every other: what a ledger remembers.
    package var nonce: [UInt8]

    /// The length of ``nonce`` in bytes.
    package static let nonceLength = 16

    /// A state for the call of `tool` with `argumentsDigest` by `userID`, valid until `expiresAt`
    /// (seconds since 1970), with `nonce` (16 bytes; fresh random bytes unless given, which
    /// only tests and decoding do).
    package init(
        userID: String, tool: String, argumentsDigest: ArgumentsDigest, integration: String, expiresAt: Int,
        nonce: [UInt8] = RequestState.randomNonce()
    ) {
        precondition(nonce.count == Self.nonceLength, "a request state's nonce is 16 bytes")
        self.userID = userID
        self.tool = tool
        self.argumentsDigest = argumentsDigest
        self.integration = integration
        self.expiresAt = expiresAt
        self.nonce = nonce
    }

    /// A state for the call of `tool` with `arguments` (nil and `null` digest as `{}`) by
    /// `userID`, valid until `expiresAt` (seconds since 1970), with a fresh nonce.
    package init(userID: String, tool: String, arguments: JSONValue?, integration: String, expiresAt: Int) {
        self.init(
            userID: userID, tool: tool, argumentsDigest: ArgumentsDigest(arguments), integration: integration,
            expiresAt: expiresAt)
    }

    /// 16 bytes from the system's cryptographically secure generator (`getrandom` on Linux).
    package static func randomNonce() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<nonceLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
