/// One match of a search: which document, and how well it matched.
public struct SearchHit: Sendable, Equatable {
    /// The document's position in the list the index was built from.
    public var document: Int
    /// The document's tool name.
    public var name: String
    /// Higher is better: SQLite's `bm25()` negated, with the connected-integration boost
    /// applied. Comparable only within one search.
    public var score: Double
}
