import Foundation
import ParagonModel

/// Text as the search compares it: lower-case words of letters and digits, accents folded
/// (`Réunion` → `reunion`), identifiers split (`unfurlLinks` → `unfurl`, `links`;
/// `SLACK_SEND_MESSAGE` → `slack`, `send`, `message`).
enum TextWords {
    /// The words of `text`, in order.
    static func of(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return ascii(text) }
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

    /// ``of(_:)`` for ASCII text, by bytes: most tool texts are, and indexing 2,600 tools reads
    /// a few megabytes of them.
    private static func ascii(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousUpper = false
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !current.isEmpty, !previousUpper { flush() }
                current.append(byte + 32)
                previousUpper = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
                previousUpper = false
            default:
                flush()
                previousUpper = false
            }
        }
        flush()
        return words
    }

    /// Lower case without diacritics.
    static func fold(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
