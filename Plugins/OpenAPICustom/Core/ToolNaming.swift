import Foundation

/// Tool names for operations. The TypeScript server's name is kept where it was valid and
/// distinct, so agents and `LIMIT_TO_TOOLS` lists carry over; otherwise a name is built from
/// words. Every name matches `^[A-Za-z0-9_-]{1,64}$` (MCP's tool-name rule, and OpenAI's
/// function-name rule) and is unique across the folder.
///
/// The TypeScript server's name (PARAGON-API.md §4): the integration upper-cased with `.` as
/// `_` and a leading `CUSTOM_` cut, `_`, the trimmed summary with spaces as `_`, upper-cased,
/// cut at 50 UTF-16 units, unsanitised (no summary gave `..._GET_[OBJECT_OBJECT]`).
///
/// A built name: the same prefix, `_`, words in upper snake case from the summary, else the
/// operationId (split at case changes, `listPets` → `LIST_PETS`, digits after letters kept
/// with them), else the method and path; a name still taken tries those in turn (and the
/// summary's words with the method and path's); at most 64 characters, shortened by trimming
/// the longest words a letter at a time (so no distinguishing word is dropped); a name still
/// taken gets `_2`, `_3`, ...
enum ToolNaming {
    static let maxLength = 64
    static let typeScriptMaxLength = 50

    /// What naming needs of an operation.
    struct Operation: Sendable {
        var integration: String
        var summary: String?
        var operationID: String?
        var method: String
        /// The path key as written.
        var path: String
    }

    struct Rename: Sendable, Equatable {
        /// The TypeScript server's name for the operation.
        var from: String
        var to: String
        var reason: String
    }

    /// The names of `operations`, in order, and the renames (names that differ from the
    /// TypeScript server's).
    static func assign(_ operations: [Operation]) -> (names: [String], renames: [Rename]) {
        var names = [String?](repeating: nil, count: operations.count)
        var taken = Set<String>()
        let legacy = operations.map(typeScriptName)
        for (index, name) in legacy.enumerated() where isValid(name) && !taken.contains(name) {
            names[index] = name
            taken.insert(name)
        }
        var renames: [Rename] = []
        for (index, operation) in operations.enumerated() where names[index] == nil {
            let prefix = self.prefix(operation.integration)
            let summary = words(operation.summary ?? "")
            let operationID = words(operation.operationID ?? "")
            let route = [operation.method.uppercased()] + words(operation.path)
            let candidates = [summary, operationID, route, summary.isEmpty ? [] : summary + route]
                .filter { !$0.isEmpty }
                .map { build(prefix: prefix, words: $0, limit: maxLength) }
            var name = candidates.first { !taken.contains($0) }
            if name == nil {
                let base = candidates.first ?? prefix
                var counter = 2
                while name == nil || taken.contains(name!) {
                    let suffix = "_\(counter)"
                    name =
                        build(prefix: prefix, words: wordsOf(base, after: prefix), limit: maxLength - suffix.count)
                        + suffix
                    counter += 1
                }
            }
            let chosen = name!
            names[index] = chosen
            taken.insert(chosen)
            let reason =
                !isValid(legacy[index])
                ? (operation.summary?.isEmpty == false ? "not a valid tool name" : "no summary")
                : "the name is taken by another operation"
            renames.append(Rename(from: legacy[index], to: chosen, reason: reason))
        }
        return (names.map { $0! }, renames)
    }

    /// The integration as a name prefix: `custom.spotify` → `SPOTIFY`, `googleCalendar` →
    /// `GOOGLECALENDAR` (characters outside the name rule as `_`).
    static func prefix(_ integration: String) -> String {
        var prefix = integration.replacingOccurrences(of: ".", with: "_").uppercased()
        if prefix.hasPrefix("CUSTOM_") { prefix.removeFirst("CUSTOM_".count) }
        return String(prefix.unicodeScalars.map { isNameScalar($0) ? Character($0) : "_" })
    }

    /// The TypeScript server's name, valid or not.
    static func typeScriptName(_ operation: Operation) -> String {
        let summary = operation.summary?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let request = summary.isEmpty ? "\(operation.method.lowercased()) [object Object]" : summary
        var prefix = operation.integration.replacingOccurrences(of: ".", with: "_").uppercased()
        if prefix.hasPrefix("CUSTOM_") { prefix.removeFirst("CUSTOM_".count) }
        let name = prefix + "_" + request.replacingOccurrences(of: " ", with: "_").uppercased()
        return String(name.utf16.prefix(typeScriptMaxLength)) ?? name
    }

    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maxLength && name.unicodeScalars.allSatisfy(isNameScalar)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// Upper-case words of `text`: split at anything but ASCII letters and digits, at a
    /// lower-case letter followed by an upper-case one (`listPets`), before the last capital of
    /// a run followed by a lower-case letter (`HTTPServer` → `HTTP`, `SERVER`), and between a
    /// digit and a following letter (`2fa` → `2`, `FA`); digits stay with the letters before
    /// them (`listV2Items` → `LIST`, `V2`, `ITEMS`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
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

    /// `prefix_WORD_WORD` within `limit` characters: while too long, the longest word (the
    /// later of equals) loses its last letter, down to three letters; then the end is cut.
    static func build(prefix: String, words: [String], limit: Int) -> String {
        var words = words.filter { !$0.isEmpty }
        func length() -> Int { prefix.count + words.reduce(0) { $0 + $1.count + 1 } }
        while length() > limit {
            guard
                let longest = words.indices.filter({ words[$0].count > 3 }).max(by: {
                    words[$0].count <= words[$1].count
                })
            else { break }
            words[longest].removeLast()
        }
        var name =
            words.isEmpty
            ? prefix : prefix.isEmpty ? words.joined(separator: "_") : prefix + "_" + words.joined(separator: "_")
        if name.count > limit { name = String(name.prefix(limit)) }
        while name.hasSuffix("_") { name.removeLast() }
        return name.isEmpty ? "TOOL" : name
    }

    /// The words of a built name after its prefix.
    private static func wordsOf(_ name: String, after prefix: String) -> [String] {
        let rest = name.hasPrefix(prefix + "_") ? String(name.dropFirst(prefix.count + 1)) : name
        return rest.split(separator: "_").map(String.init)
    }
}
