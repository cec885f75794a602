/// What an instance shares with the others of its deployment in cluster mode (the
/// ``Cluster`` module's, on PostgreSQL); nil for a single instance.
package protocol ClusterLink: Sendable {
    /// Tells the other instances that `userID`'s tool list changed (they refresh it and notify
    /// the user's open streams). A failure is logged by the link; the caller goes on.
    func toolListChanged(userID: String) async

    /// Whether the shared store answered its last round trip (`/readyz`'s `store`).
    var storeIsUp: Bool { get }
}
