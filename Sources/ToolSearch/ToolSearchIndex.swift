import GRDB

/// A ranked full-text index of one tool list: SQLite FTS5 in memory, ranked by `bm25()` with
/// weights per field (name words, title, integration, description, parameters, and the synonym
/// groups their words belong to), queries read by ``SearchQuery`` (synonyms, other languages,
/// typos, integration names). Built once per distinct list; searched from any thread (SQLite
/// serializes the searches of one index, each well under a millisecond).
///
/// FTS5 and `bm25()`: https://www.sqlite.org/fts5.html (section 5.1.1).
public final class ToolSearchIndex: Sendable {
    /// How much a match in each field counts, in the index's column order.
    public struct Weights: Sendable, Equatable {
        /// The tool's name, split into words.
        public var name: Double
        /// Its title.
        public var title: Double
        /// Its integration's name and key.
        public var integration: Double
        /// Its description.
        public var description: Double
        /// Its parameters' names and descriptions.
        public var parameters: Double
        /// A synonym group of a word of its name, title or description (a query word's synonyms
        /// match here, once per group).
        public var concepts: Double

        /// Weights as given.
        public init(
            name: Double, title: Double, integration: Double, description: Double, parameters: Double,
            concepts: Double
        ) {
            self.name = name
            self.title = title
            self.integration = integration
            self.description = description
            self.parameters = parameters
            self.concepts = concepts
        }

        /// The shipped weights (set by `bench/run`'s evaluation).
        public static let standard = Weights(
            name: 6, title: 2, integration: 3, description: 3, parameters: 1, concepts: 4)
    }

    /// How much more a tool of a connected integration scores (so it ranks first among equal
    /// and near-equal matches).
    public static let connectedBoost = 1.05

    private let database: DatabaseQueue
    private let names: [String]
    private let vocabulary: SearchVocabulary
    private let rankSQL: String

    /// Indexes `documents` (their positions are the hits' ``SearchHit/document``).
    /// - Throws: ``ToolSearchError/sqlite(message:)`` when SQLite cannot build it (FTS5 missing).
    public init(
        _ documents: [SearchDocument], weights: Weights = .standard, lexicon: SearchLexicon = .standard
    ) throws(ToolSearchError) {
        names = documents.map(\.name)
        vocabulary = SearchVocabulary(documents: documents, lexicon: lexicon)
        let w = weights
        // ?1: the match expression; ?2: the connected integrations' key tokens, each between
        // spaces; ?3: how many. Ties go to the connected, then by name, before LIMIT cuts.
        rankSQL = """
            SELECT rowid, bm25(tools, \(w.name), \(w.title), \(w.integration), \(w.description), \(w.parameters), \
            \(w.concepts), 0, 0) * (CASE WHEN instr(?2, ' ' || key || ' ') > 0 THEN \(Self.connectedBoost) ELSE 1 END) \
            AS score FROM tools WHERE tools MATCH ?1 \
            ORDER BY score, instr(?2, ' ' || key || ' ') > 0 DESC, tool LIMIT ?3
            """
        do {
            database = try DatabaseQueue()
            try database.write { db in
                try db.execute(
                    sql: """
                        CREATE VIRTUAL TABLE tools USING fts5(
                            name, title, integration, description, parameters, concepts, key, tool UNINDEXED,
                            tokenize = 'porter unicode61 remove_diacritics 2')
                        """)
                let insert = try db.makeStatement(
                    sql: "INSERT INTO tools(rowid, name, title, integration, description, parameters, concepts, key, "
                        + "tool) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for (position, document) in documents.enumerated() {
                    let columns: [any DatabaseValueConvertible] = IndexedText(document, lexicon: lexicon).columns
                    try insert.execute(arguments: StatementArguments([position] + columns + [document.name]))
                }
                try db.execute(sql: "INSERT INTO tools(tools) VALUES ('optimize')")
            }
        } catch {
            throw .sqlite(message: "\(error)")
        }
    }

    /// The number of documents indexed.
    public var count: Int { names.count }

    /// The integration keys `text` names (a key, a name or an alias, any case: `HubSpot`,
    /// `google calendar`, `gcal`); empty when it names none of the indexed ones.
    public func integrations(named text: String) -> Set<String> {
        let words = TextWords.of(text)
        return vocabulary.integrations(named: words.joined(separator: " "), inQuery: false)
            ?? vocabulary.integrations(named: words.joined(), inQuery: false) ?? []
    }

    /// The best matches for `text`, best first, at most `limit` (of its first
    /// ``SearchQuery/maxWords`` words).
    /// - Parameters:
    ///   - integrations: when given, only tools of these integration keys; else the
    ///     integrations the query names (falling back to every integration when none of theirs
    ///     match).
    ///   - connected: integration keys the user has connected; their tools gain
    ///     ``connectedBoost``, and rank first on a tie.
    /// - Throws: ``ToolSearchError/sqlite(message:)`` when SQLite fails.
    public func search(
        _ text: String, integrations only: Set<String>? = nil, limit: Int = 5, connected: Set<String> = []
    ) throws(ToolSearchError) -> [SearchHit] {
        let query = SearchQuery(text, vocabulary: vocabulary)
        guard !query.terms.isEmpty, limit > 0 else { return [] }
        let connectedTokens = " " + connected.sorted().map(IndexedText.keyToken).joined(separator: " ") + " "
        if let only {
            return try rank(query, within: only, scoped: false, limit: limit, connected: connectedTokens)
        }
        if !query.scope.isEmpty {
            let scoped = try rank(query, within: query.scope, scoped: true, limit: limit, connected: connectedTokens)
            if !scoped.isEmpty { return scoped }
        }
        return try rank(query, within: nil, scoped: false, limit: limit, connected: connectedTokens)
    }

    /// The documents matching any of `query`'s phrases, within the integrations `scope` names
    /// (matched in the indexed `key` column, so only theirs are scored), best first.
    private func rank(
        _ query: SearchQuery, within scope: Set<String>?, scoped: Bool, limit: Int, connected: String
    ) throws(ToolSearchError) -> [SearchHit] {
        var expression = query.phrases(scoped: scoped).joined(separator: " OR ")
        if let scope {
            guard !scope.isEmpty else { return [] }
            let keys = scope.sorted().map { "\"\(IndexedText.keyToken($0))\"" }.joined(separator: " OR ")
            expression = "key : (\(keys)) AND (\(expression))"
        }
        let rows: [(Int, Double)]
        do {
            // No transaction: the index is only read once built.
            rows = try database.inDatabase { db in
                let statement = try db.cachedStatement(sql: rankSQL)
                return try Row.fetchAll(statement, arguments: [expression, connected, limit]).map {
                    ($0[0] as Int, $0[1] as Double)
                }
            }
        } catch {
            throw .sqlite(message: "\(error)")
        }
        return rows.map { SearchHit(document: $0.0, name: names[$0.0], score: -$0.1) }
    }
}
