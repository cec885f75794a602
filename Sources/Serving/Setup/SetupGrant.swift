/// What a valid setup token grants: opening the Connect Portal for one integration, as one user.
package struct SetupGrant: Sendable, Equatable {
    package var userID: String
    package var integration: String
    package var projectID: String
}
