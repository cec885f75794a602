/// What a valid setup token grants: opening the Connect Portal for one integration, as one user.
package struct SetupGrant: Sendable, Equatable {
    package var userID: String
    package var integration: String
    package var projectID: String
    /// The 2025-11-25 URL elicitation the link was issued for, if any.
    package var elicitationID: String? = nil
}
