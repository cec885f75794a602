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
        }
    }
}
