/// Cluster mode (config.yaml `cluster:`): the PostgreSQL database instances share. Without one,
/// an instance keeps everything in its own memory, as a single server does.
package struct ClusterSettings: Sendable, Equatable {
    /// `postgres://user:password@host:port/database?sslmode=disable|prefer|require`; nil: no
    /// cluster.
    package var databaseURL: String?

    package init(databaseURL: String? = nil) {
        self.databaseURL = databaseURL
    }
}
