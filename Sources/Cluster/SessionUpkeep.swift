/// What an instance owes the shared session table between two beats, as a value: the sessions
/// it used (their `last_seen` is moved to now) and the ends the store did not take when they
/// happened (a DELETE while it was down). A beat takes both; a beat that fails gives them back,
/// so nothing is lost while the store is away, only late.
struct SessionUpkeep: Sendable, Equatable {
    /// One beat's work.
    struct Batch: Sendable, Equatable {
        /// Keys of sessions used since the last beat.
        var used: [String]
        /// Sessions to end: key and the user who ended it.
        var ends: [Ending]
    }

    struct Ending: Sendable, Hashable {
        var key: String
        var userID: String
    }

    private var pendingUsed: Set<String> = []
    private var pendingEnds: Set<Ending> = []

    /// Notes sessions used (keys).
    mutating func used(_ keys: some Sequence<String>) {
        pendingUsed.formUnion(keys)
    }

    /// Notes an end the store must still be told of.
    mutating func ending(key: String, userID: String) {
        pendingEnds.insert(Ending(key: key, userID: userID))
        pendingUsed.remove(key)
    }

    /// The work of a beat, which is no longer pending.
    mutating func take() -> Batch {
        defer {
            pendingUsed = []
            pendingEnds = []
        }
        // A session that ends is not marked used in the same statement: PostgreSQL would apply
        // only one of the two changes to its row.
        let ending = Set(pendingEnds.map(\.key))
        return Batch(
            used: pendingUsed.filter { !ending.contains($0) }.sorted(), ends: pendingEnds.sorted { $0.key < $1.key })
    }

    /// A beat that failed: its work is pending again (a session ended meanwhile is not touched).
    mutating func failed(_ batch: Batch) {
        pendingEnds.formUnion(batch.ends)
        let ended = Set(pendingEnds.map(\.key))
        pendingUsed.formUnion(batch.used.filter { !ended.contains($0) })
    }

    var hasPendingEnds: Bool { !pendingEnds.isEmpty }
}
