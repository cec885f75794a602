/// What a valid setup token grants: opening the Connect Portal for one integration, as one user.
public struct SetupGrant: Sendable, Equatable {
    public var userID: String
    public var integration: String
    public var projectID: String
}
