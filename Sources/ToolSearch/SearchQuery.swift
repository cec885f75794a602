/// A query as the index runs it, read from what a person typed:
/// 1. words folded (lower case, no accents); words of other languages the lexicon knows read
///    as their English sense (kept too);
/// 2. a word unknown to the documents and the lexicon corrected to the nearest known word
///    (kept too), so `hubspt` finds HubSpot;
/// 3. integration names and aliases (`google calendar`, `ms teams`) found among the words scope
///    the search to those integrations;
/// 4. stopwords dropped; each remaining word matches itself or its synonyms (`send`, `post`,
///    `notify`), and a document matching more of the words ranks higher.
struct SearchQuery: Equatable {
    /// One word of the query: what it may mean (as typed, translated, corrected) and the synonym
    /// groups of those meanings.
    struct Term: Equatable {
        var senses: [String]
        var groups: [Int]
    }

    /// The words that are searched for, in query order.
    var terms: [Term]
    /// Integration keys named in the query; empty when none is.
    var scope: Set<String>
    /// The terms of the words that named them (redundant within the scope).
    var naming: Set<Int> = []

    /// The most words of a query read (the rest is ignored), and the most characters.
    static let maxWords = 32
    static let maxCharacters = 1_000

    init(_ text: String, vocabulary: SearchVocabulary) {
        let lexicon = vocabulary.lexicon
        var words: [[String]] = []
        for word in TextWords.of(Self.taskWords(of: String(text.prefix(Self.maxCharacters)))).prefix(Self.maxWords) {
            var senses = [word]
            if let english = lexicon.translations[word] {
                senses += english
            } else if let corrected = vocabulary.correction(of: word) {
                senses.append(corrected)
            }
            words.append(senses)
        }
        // Integration names, longest first, over each word's senses.
        var scope = Set<String>()
        var named = Set<Int>()
        var length = min(vocabulary.longestName, words.count)
        while length >= 1 {
            var start = 0
            while start + length <= words.count {
                let span = start..<(start + length)
                if span.allSatisfy({ !named.contains($0) }), let keys = Self.name(in: words[span], vocabulary) {
                    scope.formUnion(keys)
                    named.formUnion(span)
                }
                start += 1
            }
            length -= 1
        }
        var terms: [Term] = []
        var naming = Set<Int>()
        for (position, senses) in words.enumerated() {
            let meaningful = senses.filter { !lexicon.stopwords.contains($0) }
            guard !meaningful.isEmpty, named.contains(position) || !lexicon.stopwords.contains(senses[0]) else {
                continue
            }
            var groups: [Int] = []
            for sense in meaningful {
                for group in lexicon.groups(of: sense) where !groups.contains(group) { groups.append(group) }
            }
            let term = Term(senses: meaningful, groups: groups)
            if let existing = terms.firstIndex(of: term) {
                if named.contains(position) { naming.insert(existing) }
                continue
            }
            if named.contains(position) { naming.insert(terms.count) }
            terms.append(term)
        }
        self.terms = terms
        self.scope = scope
        self.naming = naming
    }

    /// The integrations a run of words names, trying each word's senses (so a corrected typo
    /// names one too).
    /// The text without what is an argument of the task rather than a word of it: e-mail
    /// addresses and URLs (`bob@acme.com` would otherwise find Cal.com by its `com`).
    static func taskWords(of text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).filter { !$0.contains("@") && !$0.contains("://") }
            .joined(separator: " ")
    }

    /// The words are tried spaced and run together, so `Quick Books`, `QuickBooks` (read as
    /// `quick books`) and `quickbooks` all name QuickBooks.
    private static func name(in span: ArraySlice<[String]>, _ vocabulary: SearchVocabulary) -> Set<String>? {
        var candidates = [(spaced: "", joined: "")]
        for senses in span {
            candidates = candidates.flatMap { prefix in
                senses.map { (prefix.spaced.isEmpty ? $0 : prefix.spaced + " " + $0, prefix.joined + $0) }
            }
            if candidates.count > 16 { return nil }
        }
        for candidate in candidates {
            if let keys = vocabulary.integrations(named: candidate.spaced, inQuery: true)
                ?? vocabulary.integrations(named: candidate.joined, inQuery: true)
            {
                return keys
            }
        }
        return nil
    }

    /// The FTS5 phrases to match, each once: every sense of every term as typed (matched in
    /// every text column), and each synonym group once, through the `concepts` column, so a
    /// synonym widens the search without outweighing the word the user wrote. Within a scope
    /// the terms that named it are left out (every tool there has them) unless nothing else is
    /// left.
    func phrases(scoped: Bool) -> [String] {
        var chosen = terms
        if scoped, naming.count < terms.count {
            chosen = terms.enumerated().filter { !naming.contains($0.offset) }.map(\.element)
        }
        var seen = Set<String>()
        var phrases: [String] = []
        for term in chosen {
            for sense in term.senses where seen.insert(sense).inserted { phrases.append("\"\(sense)\"") }
        }
        for group in Set(chosen.flatMap(\.groups)).sorted() {
            phrases.append("concepts : \"\(SearchLexicon.concept(group))\"")
        }
        return phrases
    }
}
