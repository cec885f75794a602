/// A document's text by column, as the index stores it: each column's words joined by spaces.
struct IndexedText {
    var name: [String]
    var title: [String]
    var integration: [String]
    var description: [String]
    var parameters: [String]
    /// The synonym groups (``SearchLexicon/concept(_:)``) of the words of the name, title and
    /// description, each once.
    var concepts: [String]
    var key: String

    init(_ document: SearchDocument, lexicon: SearchLexicon) {
        name = TextWords.of(document.name)
        title = TextWords.of(document.title)
        integration = TextWords.of(document.integrationName) + TextWords.of(document.integration)
        description = TextWords.of(document.description)
        parameters = document.parameters.flatMap { TextWords.of($0.name) + TextWords.of($0.description) }
        var groups: [Int] = []
        for word in name + title + description {
            for group in lexicon.groups(of: word) where !groups.contains(group) { groups.append(group) }
        }
        concepts = groups.map(SearchLexicon.concept)
        key = Self.keyToken(document.integration)
    }

    /// An integration key as one token of the index's `key` column (`googleCalendar` →
    /// `googlecalendar`, `custom.acme` → `customacme`), matched only through that column.
    static func keyToken(_ key: String) -> String {
        String(
            TextWords.fold(key).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        )
    }

    /// The words people wrote (every column but the concepts and the key).
    var allWords: [String] { name + title + integration + description + parameters }

    /// The indexed columns in the index's order (name, title, integration, description,
    /// parameters, concepts, key).
    var columns: [String] {
        [name, title, integration, description, parameters, concepts].map { $0.joined(separator: " ") } + [key]
    }
}
