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

    public init(
        synonymGroups: [[String]], translations: [String: [String]], stopwords: Set<String>,
        aliases: [String: [String]]
    ) {
        self.synonymGroups = synonymGroups
        self.translations = translations
        self.stopwords = stopwords
        self.aliases = aliases
    }

    /// The shipped lexicon.
    public static let standard = SearchLexicon(
        synonymGroups: StandardLexicon.synonymGroups,
        translations: StandardLexicon.translations.merging(StandardLexicon.englishSenses) { $1 },
        stopwords: StandardLexicon.stopwords, aliases: StandardLexicon.aliases)

    /// The words a query word also matches (itself first).
    func synonyms(of word: String) -> [String] {
        var words = [word]
        for group in synonymGroups where group.contains(word) {
            for other in group where !words.contains(other) { words.append(other) }
        }
        return words
    }

    /// Whether the lexicon knows `word` (so it is not a typo).
    func knows(_ word: String) -> Bool {
        stopwords.contains(word) || translations[word] != nil || synonymGroups.contains { $0.contains(word) }
    }
}
