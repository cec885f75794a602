import Foundation
import ParagonModel

/// Text as the search compares it: lower-case words of letters and digits, accents folded
/// (`Réunion` → `reunion`), identifiers split (`unfurlLinks` → `unfurl`, `links`;
/// `SLACK_SEND_MESSAGE` → `slack`, `send`, `message`).
enum TextWords {
    /// The words of `text`, in order.
    static func of(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            guard !current.isEmpty else { return }
            for part in IdentifierWords.split(current) { words.append(fold(part)) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return words.filter { !$0.isEmpty }
    }

    /// Lower case without diacritics.
    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
