/// What a query is read against: every word of the indexed documents (with how many documents
/// hold it), the names of their integrations, and the lexicon.
struct SearchVocabulary: Sendable {
    /// Word → number of documents holding it.
    private(set) var documentFrequency: [String: Int] = [:]
    /// Integration names as folded words joined by one space → keys of indexed integrations.
    private(set) var integrationNames: [String: Set<String>] = [:]
    /// The longest integration name, in words.
    private(set) var longestName = 1
    let lexicon: SearchLexicon

    init(documents: [SearchDocument], lexicon: SearchLexicon) {
        self.lexicon = lexicon
        var keys = Set<String>()
        for document in documents {
            for word in Set(IndexedText(document).allWords) { documentFrequency[word, default: 0] += 1 }
            keys.insert(document.integration)
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
    }

    private mutating func addName(_ words: [String], for key: String) {
        guard !words.isEmpty, key != "*" else { return }
        integrationNames[words.joined(separator: " "), default: []].insert(key)
        longestName = max(longestName, words.count)
        for word in words { documentFrequency[word, default: 0] += 0 }
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
        for (candidate, frequency) in documentFrequency {
            guard abs(candidate.utf8.count - target.count) <= limit,
                let distance = EditDistance.between(Array(candidate.utf8), target, limit: limit)
            else { continue }
            if let current = best,
                current.distance < distance || (current.distance == distance && current.frequency >= frequency)
            {
                continue
            }
            best = (candidate, distance, frequency)
        }
        return best?.word
    }
}
