/// Who a call is for and until when; a copy of the host's per-call context.
public struct CallContext: Sendable {
    /// The host's id for this call; pass it to HTTP requests made for the call.
    public let callID: UInt64
    /// The end user's id (the token's `sub`); empty for listings made for no user.
    public let userID: String
    /// The end user's Paragon user token, to send upstream as `Authorization: Bearer`. Secret.
    public let userToken: String
    /// The id the host logs this call with.
    public let requestID: String
    /// When the host stops waiting for this call.
    public let deadline: ContinuousClock.Instant

    public init(
        callID: UInt64, userID: String, userToken: String, requestID: String,
        deadline: ContinuousClock.Instant
    ) {
        self.callID = callID
        self.userID = userID
        self.userToken = userToken
        self.requestID = requestID
        self.deadline = deadline
    }
}
