/// A document's text by column, as the index stores it: each column's words joined by spaces.
struct IndexedText {
    var name: [String]
    var title: [String]
    var integration: [String]
    var description: [String]
    var parameters: [String]
    var key: String

    init(_ document: SearchDocument) {
        name = TextWords.of(document.name)
        title = TextWords.of(document.title)
        integration = TextWords.of(document.integrationName) + TextWords.of(document.integration)
        description = TextWords.of(document.description)
        parameters = document.parameters.flatMap { TextWords.of($0.name) + TextWords.of($0.description) }
        key = Self.keyToken(document.integration)
    }

    /// An integration key as one token of the index's `key` column (`googleCalendar` →
    /// `googlecalendar`, `custom.acme` → `customacme`), matched only through that column.
    static func keyToken(_ key: String) -> String {
        String(
            TextWords.fold(key).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        )
    }

    var allWords: [String] { name + title + integration + description + parameters }

    /// The columns in the index's order.
    var columns: [String] {
        [name, title, integration, description, parameters].map { $0.joined(separator: " ") } + [key]
    }
}
