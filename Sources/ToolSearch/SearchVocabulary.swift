/// What a query is read against: every word of the indexed documents (with how many documents
/// hold it), the names of their integrations, and the lexicon.
struct SearchVocabulary: Sendable {
    /// Word → number of documents holding it.
    private(set) var documentFrequency: [String: Int] = [:]
    /// Integration names as folded words joined by one space → keys of indexed integrations.
    private(set) var integrationNames: [String: Set<String>] = [:]
    /// The longest integration name, in words.
    private(set) var longestName = 1
    /// The words by their length in bytes and first byte, for corrections: only words of a close
    /// length can be one, and a typo seldom changes the first letter (a swap of the first two
    /// still finds its word, under the second letter).
    private var candidates: [Candidates: [(word: String, bytes: [UInt8], frequency: Int)]] = [:]

    private struct Candidates: Hashable {
        var length: Int
        var first: UInt8
    }
    let lexicon: SearchLexicon
    /// Documents indexed.
    private(set) var documents = 0
    /// Documents of each integration key.
    private var documentsOf: [String: Int] = [:]

    init(documents: [SearchDocument], lexicon: SearchLexicon) {
        self.lexicon = lexicon
        self.documents = documents.count
        var keys = Set<String>()
        for document in documents {
            for word in Set(IndexedText(document, lexicon: lexicon).allWords) {
                documentFrequency[word, default: 0] += 1
            }
            keys.insert(document.integration)
            documentsOf[document.integration, default: 0] += 1
            addName(TextWords.of(document.integrationName), for: document.integration)
            addName(TextWords.of(document.integration), for: document.integration)
            // The key as one word too (`googlecalendar`).
            addName([TextWords.fold(document.integration)], for: document.integration)
        }
        for (alias, targets) in lexicon.aliases {
            for key in targets where keys.contains(key) {
                addName(alias.split(separator: " ").map(String.init), for: key)
            }
        }
        integrationNames.removeValue(forKey: "*")
        integrationNames.removeValue(forKey: "general")
        for (word, frequency) in documentFrequency {
            let bytes = Array(word.utf8)
            guard let first = bytes.first else { continue }
            candidates[Candidates(length: bytes.count, first: first), default: []].append((word, bytes, frequency))
        }
    }

    private mutating func addName(_ words: [String], for key: String) {
        guard !words.isEmpty, key != "*" else { return }
        integrationNames[words.joined(separator: " "), default: []].insert(key)
        longestName = max(longestName, words.count)
        for word in words { documentFrequency[word, default: 0] += 0 }
    }

    /// The integrations `name` (folded words joined by one space, or run together) names,
    /// unless it is one word that also means something else: a word of the lexicon (`close`,
    /// `teams`... as a verb or noun of a task) or one that five documents of other integrations
    /// hold (`box`, `square` in another app's descriptions). Such a word still ranks, through the
    /// integration column, but does not narrow the search.
    /// A name given on its own (`inQuery` false: the search's `integration` argument) is never
    /// taken for anything else.
    func integrations(named name: String, inQuery: Bool) -> Set<String>? {
        guard let keys = integrationNames[name] else { return nil }
        guard inQuery, !name.contains(" ") else { return keys }
        if lexicon.knows(name) { return nil }
        let own = keys.reduce(0) { $0 + (documentsOf[$1] ?? 0) }
        return (documentFrequency[name] ?? 0) - own >= 5 ? nil : keys
    }

    /// Whether `word` is a word of the documents, of an integration's name, or of the lexicon.
    func knows(_ word: String) -> Bool {
        documentFrequency[word] != nil || lexicon.knows(word)
    }

    /// The known word closest to `word` when `word` is unknown and one is within 1 edit (words
    /// of 4 to 7 letters) or 2 edits (longer words); the most common on a tie. Shorter words are
    /// never corrected: too many real words lie one edit apart.
    func correction(of word: String) -> String? {
        guard word.count >= 4, !knows(word), word.allSatisfy(\.isLetter) else { return nil }
        let limit = word.count >= 8 ? 2 : 1
        let target = Array(word.utf8)
        var best: (word: String, distance: Int, frequency: Int)?
        var distances = EditDistance(limit: limit)
        let firsts = Set(target.prefix(2))
        for length in (target.count - limit)...(target.count + limit) {
            for first in firsts {
                for candidate in candidates[Candidates(length: length, first: first)] ?? [] {
                    guard let distance = distances.between(candidate.bytes, target) else { continue }
                    if let current = best,
                        current.distance < distance
                            || (current.distance == distance
                                && (current.frequency, candidate.word) >= (candidate.frequency, current.word))
                    {
                        continue
                    }
                    best = (candidate.word, distance, candidate.frequency)
                }
            }
        }
        return best?.word
    }
}
