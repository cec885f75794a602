/// The words of an identifier as people read them, shared by the host (setup pages' names) and
/// the providers (tool titles), so an integration is spelled out the same way everywhere.
public enum IdentifierWords {
    /// Splits at `_`, `-`, `.` and spaces, and before an upper-case letter that follows one that
    /// is not (`googleCalendar` → `google`, `Calendar`; `getUserByID` → `get`, `User`, `By`,
    /// `ID`).
    public static func split(_ identifier: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in identifier {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let last = current.last, !last.isUppercase {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The words, each with a capital first letter, joined by spaces (`get_user-byID` →
    /// `Get User By ID`).
    public static func spaced(_ identifier: String) -> String {
        split(identifier).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

extension IntegrationKey {
    /// The words of an integration key, without `custom.` (`custom.acme_crm` → `acme`, `crm`).
    public static func words(of key: String) -> [String] {
        IdentifierWords.split(key.hasPrefix("custom.") ? String(key.dropFirst("custom.".count)) : key)
    }

    /// An integration key as people read it when Paragon does not name it: `googleCalendar` →
    /// `Google Calendar`, `custom.spotify` → `Spotify`.
    public static func spelledOut(_ key: String) -> String {
        words(of: key).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
