/// The words the search knows beyond the index: verb synonyms that widen a query, common words
/// of other languages read as their English sense, words too common to rank by, and names
/// people use for integrations other than Paragon's key. Plain tables, so a test or an operator
/// reading the code sees exactly what a query becomes.
public struct SearchLexicon: Sendable {
    /// Groups of words that ask for the same action (`send`, `post`, `notify`); a query word of
    /// a group also matches the group's other words.
    public var synonymGroups: [[String]]
    /// Words of other languages (folded: no accents, lower case) → English words; and English
    /// words of a question or request that stand for an action (`what` → `list`).
    public var translations: [String: [String]]
    /// Words never searched for ("the", "my", "please", "de", "le").
    public var stopwords: Set<String>
    /// Other names of integrations, as folded words joined by one space → integration keys
    /// (`ms teams` → `microsoftTeams`). Each indexed integration's key and spelled-out name are
    /// names of it without being listed here.
    public var aliases: [String: [String]]
    /// Word → the synonym groups holding it (their positions in ``synonymGroups``).
    private let groupsByWord: [String: [Int]]

    /// A lexicon of these tables (see each property for its form).
    public init(
        synonymGroups: [[String]], translations: [String: [String]], stopwords: Set<String>,
        aliases: [String: [String]]
    ) {
        self.synonymGroups = synonymGroups
        self.translations = translations
        self.stopwords = stopwords
        self.aliases = aliases
        var groupsByWord: [String: [Int]] = [:]
        for (group, words) in synonymGroups.enumerated() {
            for word in words where !(groupsByWord[word] ?? []).contains(group) {
                groupsByWord[word, default: []].append(group)
            }
        }
        self.groupsByWord = groupsByWord
    }

    /// The shipped lexicon.
    public static let standard = SearchLexicon(
        synonymGroups: StandardLexicon.synonymGroups,
        translations: StandardLexicon.translations.merging(StandardLexicon.englishSenses) { $1 },
        stopwords: StandardLexicon.stopwords, aliases: StandardLexicon.aliases)

    /// The synonym groups of `word`, or of its singular (`messages` → `message`).
    func groups(of word: String) -> [Int] {
        if let groups = groupsByWord[word] { return groups }
        guard word.count > 3, word.hasSuffix("s") else { return [] }
        return groupsByWord[String(word.dropLast())] ?? []
    }

    /// Whether the lexicon knows `word` (so it is not a typo).
    func knows(_ word: String) -> Bool {
        stopwords.contains(word) || translations[word] != nil || groupsByWord[word] != nil
    }

    /// The index token standing for synonym group `group`: one word that no text holds, so a
    /// group counts once however many of its words a tool or a query has.
    static func concept(_ group: Int) -> String { "qzsyn\(group)x" }
}
