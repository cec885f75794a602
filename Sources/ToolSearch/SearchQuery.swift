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
    /// Each group matches when any of its words does; groups are alternatives ranked by bm25.
    var groups: [[String]]
    /// Integration keys named in the query; empty when none is.
    var scope: Set<String>
    /// The groups of the words that named them (redundant within the scope).
    var naming: Set<Int> = []

    init(_ text: String, vocabulary: SearchVocabulary) {
        let lexicon = vocabulary.lexicon
        var words: [[String]] = []
        for word in TextWords.of(text) {
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
        var groups: [[String]] = []
        var naming = Set<Int>()
        for (position, senses) in words.enumerated() {
            let meaningful = senses.filter { !lexicon.stopwords.contains($0) }
            guard !meaningful.isEmpty, named.contains(position) || !lexicon.stopwords.contains(senses[0]) else {
                continue
            }
            var group: [String] = []
            for sense in meaningful {
                for synonym in lexicon.synonyms(of: sense) where !group.contains(synonym) { group.append(synonym) }
            }
            if let existing = groups.firstIndex(of: group) {
                if named.contains(position) { naming.insert(existing) }
                continue
            }
            if named.contains(position) { naming.insert(groups.count) }
            groups.append(group)
        }
        self.groups = groups
        self.scope = scope
        self.naming = naming
    }

    /// The integrations a run of words names, trying each word's senses (so a corrected typo
    /// names one too).
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
            if let keys = vocabulary.integrationNames[candidate.spaced] ?? vocabulary.integrationNames[candidate.joined]
            {
                return keys
            }
        }
        return nil
    }

    /// The words to match, each once: every group's, but within a scope the words that named it
    /// (every tool there has them) unless nothing else is left.
    func terms(scoped: Bool) -> [String] {
        var chosen = groups
        if scoped, naming.count < groups.count {
            chosen = groups.enumerated().filter { !naming.contains($0.offset) }.map(\.element)
        }
        var seen = Set<String>()
        return chosen.flatMap { $0 }.filter { seen.insert($0).inserted }
    }
}
