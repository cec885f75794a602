/// The end user a list or call is made for.
public struct UserIdentity: Sendable, Hashable {
    /// The token's `sub`; empty for listings made for no user (as `check` does).
    public var userID: String
    /// The Paragon user token, passed to providers for upstream calls. Secret.
    public var token: String

    public init(userID: String, token: String) {
        self.userID = userID
        self.token = token
    }

    /// No user: provider-level listings.
    public static let nobody = UserIdentity(userID: "", token: "")
}
