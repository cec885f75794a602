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
        ),
        (
            2,
            [
                // The open handshake-era sessions, by the SHA-256 of their id (hex; the id itself,
                // which lets a holder of the user's token use the session, is not stored): whose
                // each is, its transport, what `initialize` negotiated (JSON, see SessionRecord),
                // the instance that opened it, and when an instance last used it (the database's
                // clock, so instances' clocks need not agree). A row is deleted when its session
                // ends: DELETE, or no instance using it for the idle timeout.
                """
                CREATE TABLE IF NOT EXISTS paragon_mcp_sessions (
                    key text PRIMARY KEY,
                    user_id text NOT NULL,
                    transport text NOT NULL,
                    negotiated text NOT NULL,
                    instance text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    last_seen timestamptz NOT NULL DEFAULT now())
                """,
                "CREATE INDEX IF NOT EXISTS paragon_mcp_sessions_last_seen ON paragon_mcp_sessions (last_seen)",
            ]
        ),
        (
            3,
            [
                // Client messages of legacy HTTP+SSE sessions posted to an instance that does not
                // hold the session's stream, for the one that does (`instance`): each is taken
                // (deleted) by that instance when a `NOTIFY` names it; left over ones are deleted
                // after five minutes.
                """
                CREATE TABLE IF NOT EXISTS paragon_mcp_session_messages (
                    id bigserial PRIMARY KEY,
                    key text NOT NULL,
                    instance text NOT NULL,
                    body text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now())
                """,
                // The instances running, each with a fingerprint of its signing key and mode
                // (SHA-256 of a label, the mode and the key, hex: the key cannot be recovered from
                // it), seen at start and
                // at each session beat: an instance whose key differs from a live one's does not
                // start (see ClusterStore.join).
                // Each also says how often it beats (seconds): a session's row expires after its
                // idle timeout plus the longest beat of the running instances, so that instances
                // configured apart never end a session another still marks.
                """
                CREATE TABLE IF NOT EXISTS paragon_mcp_instances (
                    instance text PRIMARY KEY,
                    key_fingerprint text NOT NULL,
                    beat_seconds double precision NOT NULL,
                    seen_at timestamptz NOT NULL DEFAULT now())
                """,
                // The idle timeout (seconds) of the instance that opened each session: the
                // session's own, whichever instance serves it.
                "ALTER TABLE paragon_mcp_sessions ADD COLUMN IF NOT EXISTS idle_seconds double precision NOT NULL DEFAULT 1800",
            ]
        ),
    ]

    /// The newest version.
    static var current: Int { migrations.last?.version ?? 0 }
}
