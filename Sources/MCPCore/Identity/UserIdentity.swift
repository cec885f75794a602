/// The end user a list or call is made for.
package struct UserIdentity: Sendable, Hashable {
    /// The token's `sub`; empty for listings made for no user (as `check` does).
    package var userID: String
    /// The Paragon user token, passed to providers for upstream calls. Secret.
    package var token: String

    package init(userID: String, token: String) {
        self.userID = userID
        self.token = token
    }

    /// No user: provider-level listings.
    package static let nobody = UserIdentity(userID: "", token: "")
}
