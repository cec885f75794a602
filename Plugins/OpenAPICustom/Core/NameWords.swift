import Foundation

/// The words a built tool name is made of, and how a name is made short enough while keeping
/// its meaning (``ToolNaming`` decides which words and which limit).
enum NameWords {
    /// Upper-case ASCII words of `text`: letters with diacritics folded (`Créer` → `CREER`,
    /// `Straße` → `STRASSE`, `Ørsted` → `ORSTED`; scripts without a Latin spelling are left
    /// out), split at anything but letters and digits, at a lower-case letter followed by an
    /// upper-case one (`listPets`), before the last capital of a run followed by a lower-case
    /// letter (`HTTPServer` → `HTTP`, `SERVER`), and between a digit and a following letter
    /// (`2fa` → `2`, `FA`); digits stay with the letters before them (`listV2Items` → `LIST`,
    /// `V2`, `ITEMS`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(folded(text).unicodeScalars)
        func flush() {
            if !current.isEmpty { words.append(current.uppercased()) }
            current = ""
        }
        for (index, scalar) in scalars.enumerated() {
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                flush()
                continue
            }
            if let previous = current.unicodeScalars.last {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let isUpper = ("A"..."Z").contains(scalar)
                let previousLower = ("a"..."z").contains(previous)
                let previousUpper = ("A"..."Z").contains(previous)
                let previousDigit = ("0"..."9").contains(previous)
                let isLetter = !("0"..."9").contains(scalar)
                let nextLower = next.map { ("a"..."z").contains($0) } ?? false
                if (previousLower && isUpper) || (previousUpper && isUpper && nextLower) || (previousDigit && isLetter)
                {
                    flush()
                }
            }
            current.unicodeScalars.append(scalar)
        }
        flush()
        return words
    }

    /// `text` with diacritics and width folded, and the Latin letters that do not decompose
    /// spelled in ASCII (a capital `Æ`, `Œ` or `Þ` as `Ae`, `Oe`, `Th` before a lower-case
    /// letter, so the word is not split there).
    static func folded(_ text: String) -> String {
        let folded = Array(text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil))
        var result = ""
        for (index, character) in folded.enumerated() {
            guard var spelling = spelled[character] else {
                result.append(character)
                continue
            }
            if spelling.count == 2, spelling == spelling.uppercased(), index + 1 < folded.count,
                folded[index + 1].isLowercase
            {
                spelling = spelling.prefix(1) + spelling.dropFirst().lowercased()
            }
            result += spelling
        }
        return result
    }

    private static let spelled: [Character: String] = [
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
        "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i",
    ]

    /// Words that carry little meaning in a name, dropped first when it is too long: articles,
    /// then prepositions, conjunctions and the like.
    static let articles: Set<String> = ["A", "AN", "THE"]
    static let fillers: Set<String> = [
        "OF", "FOR", "TO", "BY", "AND", "OR", "IN", "ON", "WITH", "FROM", "AT", "INTO", "ONTO", "VIA", "AS", "IS",
        "ARE", "BE", "ITS", "THAT", "WHICH",
    ]

    /// Abbreviations no tool name should read as, which trimming a word (`ANALYTICS` →
    /// `ANAL`) or cutting a name could otherwise make.
    static let unfortunate: Set<String> = [
        "ANAL", "ANUS", "ARSE", "BOOB", "CLIT", "COCK", "COON", "CRAP", "CUNT", "DICK", "DYKE", "FAGG", "FUCK",
        "GOOK", "HOMO", "JIZZ", "KIKE", "NAZI", "NIGG", "PENI", "PISS", "PORN", "PUSS", "RAPE", "SHIT", "SLUT",
        "SPIC", "TITS", "TURD", "TWAT", "WANK", "WHOR", "NIGGA", "FAGGO", "RAPIS", "WHORE", "PENIS", "PUSSY",
    ]

    /// The fewest letters trimming leaves of a word.
    static let minimumLetters = 4

    /// `prefix_WORD_WORD` within `limit` characters, shortened only as far as it must be, in
    /// this order: filler words go (articles first, each time the last one), as long as some
    /// other word stays; then the longest word (the later of equals) loses its last letter, to
    /// no fewer than ``minimumLetters`` and never to one of ``unfortunate``; only then is the
    /// end cut (a cut word that would read as one of them goes whole).
    static func build(prefix: String, words: [String], limit: Int) -> String {
        var words = words.filter { !$0.isEmpty }
        func length() -> Int { prefix.count + words.reduce(0) { $0 + $1.count + 1 } - (prefix.isEmpty ? 1 : 0) }
        for group in [articles, fillers] {
            while length() > limit, words.contains(where: { !articles.contains($0) && !fillers.contains($0) }),
                let index = words.lastIndex(where: group.contains)
            {
                words.remove(at: index)
            }
        }
        var untrimmable = Set<Int>()
        while length() > limit {
            let candidates = words.indices.filter { !untrimmable.contains($0) && words[$0].count > minimumLetters }
            guard let longest = candidates.max(by: { words[$0].count <= words[$1].count }) else { break }
            if let shorter = trimmed(words[longest]) {
                words[longest] = shorter
            } else {
                untrimmable.insert(longest)
            }
        }
        var name =
            words.isEmpty
            ? prefix : prefix.isEmpty ? words.joined(separator: "_") : prefix + "_" + words.joined(separator: "_")
        if name.count > limit {
            name = String(name.prefix(limit))
            if let last = name.split(separator: "_").last, unfortunate.contains(String(last)) {
                name.removeLast(last.count)
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        return name.isEmpty ? "TOOL" : name
    }

    /// `word` a letter shorter, or more where that would read as one of ``unfortunate``; nil
    /// when no length from ``minimumLetters`` up will do.
    static func trimmed(_ word: String) -> String? {
        var length = word.count - 1
        while length >= minimumLetters {
            let shorter = String(word.prefix(length))
            if !unfortunate.contains(shorter) { return shorter }
            length -= 1
        }
        return nil
    }
}
