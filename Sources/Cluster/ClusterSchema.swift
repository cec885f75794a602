/// The tables cluster mode keeps, created and migrated by the server itself: each version's
/// statements run once, in one transaction, recorded in `paragon_mcp_schema`. Instances of
/// different versions may share a database as long as each only adds (a newer instance's
/// migration leaves an older one's tables as they were).
enum ClusterSchema {
    /// The versions, in order: version n's statements take the schema from n - 1 to n.
    static let migrations: [(version: Int, statements: [String])] = [
        (
            1,
            [
                // The nonces of spent 2026-07-28 request states (hex), kept until they expire
                // (seconds since 1970): a state is let through once across every instance.
                """
                CREATE TABLE IF NOT EXISTS paragon_mcp_request_states (
                    nonce text PRIMARY KEY,
                    expires_at bigint NOT NULL,
                    spent boolean NOT NULL)
                """,
                "CREATE INDEX IF NOT EXISTS paragon_mcp_request_states_expiry ON paragon_mcp_request_states (expires_at)",
            ]
        )
    ]

    /// The newest version.
    static var current: Int { migrations.last?.version ?? 0 }
}
