import GRDB

/// A ranked full-text index of one tool list: SQLite FTS5 in memory, ranked by `bm25()` with
/// weights per field (name words, title, integration, description, parameters), queries read
/// by ``SearchQuery`` (synonyms, other languages, typos, integration names). Built once per
/// distinct list; searched from any task (SQLite serializes the searches of one index).
///
/// FTS5 and `bm25()`: https://www.sqlite.org/fts5.html (section 5.1.1).
public final class ToolSearchIndex: Sendable {
    /// How much a match in each field counts, in the index's column order.
    public struct Weights: Sendable, Equatable {
        public var name: Double
        public var title: Double
        public var integration: Double
        public var description: Double
        public var parameters: Double

        public init(name: Double, title: Double, integration: Double, description: Double, parameters: Double) {
            self.name = name
            self.title = title
            self.integration = integration
            self.description = description
            self.parameters = parameters
        }

        /// The shipped weights (set by `bench/run`'s evaluation).
        public static let standard = Weights(name: 6, title: 2, integration: 3, description: 3, parameters: 1)
    }

    /// How much more a tool of a connected integration scores (so it ranks first among equal
    /// and near-equal matches).
    public static let connectedBoost = 1.05

    private let database: DatabaseQueue
    private let names: [String]
    private let integrations: [String]
    private let vocabulary: SearchVocabulary
    private let rankSQL: String

    /// Indexes `documents` (their positions are the hits' ``SearchHit/document``).
    /// - Throws: ``ToolSearchError/sqlite(message:)`` when SQLite cannot build it (FTS5 missing).
    public init(
        _ documents: [SearchDocument], weights: Weights = .standard, lexicon: SearchLexicon = .standard
    ) throws(ToolSearchError) {
        names = documents.map(\.name)
        integrations = documents.map(\.integration)
        vocabulary = SearchVocabulary(documents: documents, lexicon: lexicon)
        let w = weights
        rankSQL = """
            SELECT rowid, bm25(tools, \(w.name), \(w.title), \(w.integration), \(w.description), \(w.parameters), 0) \
            AS rank FROM tools WHERE tools MATCH ? ORDER BY rank LIMIT ?
            """
        do {
            database = try DatabaseQueue()
            try database.write { db in
                try db.execute(
                    sql: """
                        CREATE VIRTUAL TABLE tools USING fts5(
                            name, title, integration, description, parameters, key,
                            tokenize = 'porter unicode61 remove_diacritics 2')
                        """)
                let insert = try db.makeStatement(
                    sql: "INSERT INTO tools(rowid, name, title, integration, description, parameters, key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                for (position, document) in documents.enumerated() {
                    let columns = IndexedText(document).columns
                    try insert.execute(arguments: [
                        position, columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
                    ])
                }
                try db.execute(sql: "INSERT INTO tools(tools) VALUES ('optimize')")
            }
        } catch {
            throw .sqlite(message: "\(error)")
        }
    }

    /// The number of documents indexed.
    public var count: Int { names.count }

    /// The best matches for `text`, best first, at most `limit`.
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
        guard !query.groups.isEmpty, limit > 0 else { return [] }
        if let only { return try run(query, scope: only, scoped: false, limit: limit, connected: connected) }
        if !query.scope.isEmpty {
            let scoped = try run(query, scope: query.scope, scoped: true, limit: limit, connected: connected)
            if !scoped.isEmpty { return scoped }
        }
        return try run(query, scope: [], scoped: false, limit: limit, connected: connected)
    }

    /// Ranks the documents matching `query`'s terms, within `scope` (integration keys) when
    /// given. Only the documents that can rank are scored (bm25 costs per document): those of the
    /// scope, else those holding one of the query's rarer words (in at most a tenth of the
    /// documents) when it has some, falling back to every match when they are too few.
    private func run(
        _ query: SearchQuery, scope: Set<String>, scoped: Bool, limit: Int, connected: Set<String>
    ) throws(ToolSearchError) -> [SearchHit] {
        let terms = query.terms(scoped: scoped)
        let all = Self.any(terms)
        // Extra rows, so that the connected boost can lift one that bm25 alone ranks just below.
        let fetch = connected.isEmpty ? limit : limit * 2 + 8
        if !scope.isEmpty {
            let keys = Self.any(scope.sorted().map(IndexedText.keyToken))
            return try rank("key : (\(keys)) AND (\(all))", fetch: fetch, limit: limit, connected: connected)
        }
        let rare = terms.filter { vocabulary.isRare($0) }
        if !rare.isEmpty, rare.count < terms.count {
            let hits = try rank("(\(Self.any(rare))) AND (\(all))", fetch: fetch, limit: limit, connected: connected)
            if hits.count >= limit { return hits }
        }
        return try rank(all, fetch: fetch, limit: limit, connected: connected)
    }

    /// `words`, each quoted (so no word is read as FTS5 syntax), joined by OR.
    private static func any(_ words: [String]) -> String {
        words.map { "\"\($0)\"" }.joined(separator: " OR ")
    }

    private func rank(
        _ expression: String, fetch: Int, limit: Int, connected: Set<String>
    ) throws(ToolSearchError) -> [SearchHit] {
        let rows: [(Int, Double)]
        do {
            // No transaction: the index is only read once built.
            rows = try database.inDatabase { db in
                let statement = try db.cachedStatement(sql: rankSQL)
                return try Row.fetchAll(statement, arguments: [expression, fetch]).map {
                    ($0[0] as Int, $0[1] as Double)
                }
            }
        } catch {
            throw .sqlite(message: "\(error)")
        }
        var hits = rows.map { position, rank in
            let boost = connected.contains(integrations[position]) ? Self.connectedBoost : 1
            return (
                SearchHit(document: position, name: names[position], score: -rank * boost),
                connected: connected.contains(integrations[position])
            )
        }
        hits.sort { a, b in
            if a.0.score != b.0.score { return a.0.score > b.0.score }
            if a.connected != b.connected { return a.connected }
            return a.0.name < b.0.name
        }
        return hits.prefix(limit).map(\.0)
    }
}
