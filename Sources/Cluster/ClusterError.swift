/// What cluster mode can fail at, with a message an operator can act on; the database URL's
/// password never appears in one.
package enum ClusterError: Error, Sendable, CustomStringConvertible {
    /// `cluster.database_url` / `DATABASE_URL` is not a usable PostgreSQL URL.
    case invalidURL(reason: String)
    /// The store could not be reached or refused us (at start: the server does not start).
    case unreachable(store: String, reason: String)
    /// The schema could not be created or migrated.
    case migrationFailed(store: String, version: Int, reason: String)
    /// A round trip failed while running: that request is refused, the server goes on.
    case storeFailed(operation: String, reason: String)
    /// Another instance of the cluster, seen `secondsAgo`, signs with another key or runs in
    /// another mode: setup links and request states one issues would be refused by the other.
    case signingKeyDiffers(store: String, secondsAgo: Int)

    package var description: String {
        switch self {
        case .invalidURL(let reason):
            "cluster.database_url (DATABASE_URL) is not a usable PostgreSQL URL: \(reason)"
        case .unreachable(let store, let reason):
            "the cluster's PostgreSQL at \(store) cannot be reached: \(reason)"
        case .migrationFailed(let store, let version, let reason):
            "the cluster's PostgreSQL at \(store) could not be migrated to schema version \(version): \(reason)"
        case .storeFailed(let operation, let reason):
            "the cluster's PostgreSQL failed (\(operation)): \(reason)"
        case .signingKeyDiffers(let store, let secondsAgo):
            "another instance sharing the cluster's PostgreSQL at \(store) (seen \(secondsAgo) s ago) has a "
                + "different signing key or mode, so setup links and resumed calls one issues would be refused by "
                + "the other: give every instance the same SIGNING_KEY (or SIGNING_KEY_PATH) and NODE_ENV (an "
                + "instance on its own embedded sandbox, or in development mode without a key, makes a fresh key: "
                + "run one `paragon-mcp sandbox` for them all, see README); to change the key, stop every instance "
                + "first (a stopped instance stops counting at once, a killed one after 2 minutes)"
        }
    }
}
