/// What an instance shares with the others of its deployment in cluster mode (the
/// ``Cluster`` module's, on PostgreSQL); nil for a single instance.
package protocol ClusterLink: Sendable {
    /// Tells the other instances that `userID` connected an integration: they refresh the
    /// user's tool list and notify the user's open streams, and, when the connection finished
    /// the URL elicitation `elicitationID`, notify the sessions that asked for it. A failure is
    /// logged by the link; the caller goes on.
    func integrationConnected(userID: String, elicitationID: String?) async

    /// Tells the other instances that the client of session `sessionID` cancelled request
    /// `requestID`, which is not in flight here: the one running it cancels it. A failure is
    /// logged by the link.
    func requestCancelled(_ requestID: JSONRPCID, sessionID: String) async

    /// Where handshake-era sessions are shared: any instance serves any of them.
    var sessions: any SessionDirectory { get }

    /// Whether the shared store answered its last round trip (`/readyz`'s `store`).
    var storeIsUp: Bool { get }
}
