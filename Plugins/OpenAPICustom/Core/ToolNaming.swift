import Foundation

/// Tool names for operations. The TypeScript server's name is kept where it was valid and
/// distinct, so agents and `LIMIT_TO_TOOLS` lists carry over; otherwise a name is built from
/// words. Every name matches `^[A-Za-z0-9_-]{1,64}$` (MCP's tool-name rule, and OpenAI's
/// function-name rule) and is unique across the folder.
///
/// The TypeScript server's name (PARAGON-API.md §4): the integration upper-cased with `.` as
/// `_` and a leading `CUSTOM_` cut, `_`, the trimmed summary with spaces as `_`, upper-cased,
/// cut at 50 UTF-16 units, unsanitised (no summary gave `..._GET_[OBJECT_OBJECT]`). It is kept
/// only when it is a valid name that no other operation of the folder shares: a name two
/// operations share (two summaries alike in their first 50 characters) is kept by neither,
/// so which operation an agent reaches by it does not depend on file order.
///
/// A built name: the same prefix, `_`, words in upper snake case (``NameWords``) from the
/// summary, else the operationId (split at case changes, `listPets` → `LIST_PETS`), else
/// the method and path; a name still taken (or shared, as above) tries those in turn, and the
/// summary's words with the method and path's; at most 64 characters, shortened as
/// ``NameWords/build(prefix:words:limit:)`` does (filler words first, then the longest
/// words, never below four letters); a name still taken gets `_2`, `_3`, ...
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
        /// The spec file, for log lines.
        var file = ""
    }

    /// A tool whose name is not the TypeScript server's, and why; its description is the log line.
    struct Rename: Sendable, Equatable, CustomStringConvertible {
        enum Reason: Sendable, Equatable {
            /// The TypeScript server's name is not a valid tool name.
            case invalid(typeScriptName: String)
            /// The TypeScript server gave the same name to `count` operations (this one among them).
            case shared(typeScriptName: String, count: Int)
            /// No summary: the TypeScript server's name was `..._[OBJECT_OBJECT]`.
            case noSummary
        }

        /// `GET /pets/{id}`, with its file when known.
        var operation: String
        var to: String
        var reason: Reason

        var description: String {
            switch reason {
            case .invalid(let old):
                return
                    "\(operation) is named \(to): the TypeScript server named it \(old), which is not a valid tool name"
            case .shared(let old, let count):
                return "\(operation) is named \(to): the TypeScript server named it \(old), "
                    + "as it did \(count - 1) other operation\(count == 2 ? "" : "s")"
            case .noSummary:
                return "\(operation) has no summary and is named \(to)"
            }
        }
    }

    /// The names of `operations`, in order, and the renames (names that differ from the
    /// TypeScript server's).
    static func assign(_ operations: [Operation]) -> (names: [String], renames: [Rename]) {
        var names = [String?](repeating: nil, count: operations.count)
        let legacy = operations.map(typeScriptName)
        var uses: [String: Int] = [:]
        for name in legacy { uses[name, default: 0] += 1 }
        // Every TypeScript name is taken for building: a shared one too, so that no operation
        // gets it back as a built name.
        var taken = Set(legacy)
        for (index, name) in legacy.enumerated() where isValid(name) && uses[name] == 1 { names[index] = name }
        var renames: [Rename] = []
        for (index, operation) in operations.enumerated() where names[index] == nil {
            let chosen = built(operation, avoiding: taken)
            names[index] = chosen
            taken.insert(chosen)
            let reason: Rename.Reason
            if operation.summary?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                reason = .noSummary
            } else if !isValid(legacy[index]) {
                reason = .invalid(typeScriptName: legacy[index])
            } else {
                reason = .shared(typeScriptName: legacy[index], count: uses[legacy[index]] ?? 2)
            }
            let place = operation.method.uppercased() + " " + operation.path
            renames.append(
                Rename(
                    operation: operation.file.isEmpty ? place : "\(operation.file): \(place)", to: chosen,
                    reason: reason))
        }
        return (names.map { $0! }, renames)
    }

    /// A built name for `operation` that is not in `taken`.
    static func built(_ operation: Operation, avoiding taken: Set<String>) -> String {
        let prefix = self.prefix(operation.integration)
        let summary = NameWords.words(operation.summary ?? "")
        let operationID = NameWords.words(operation.operationID ?? "")
        let route = [operation.method.uppercased()] + NameWords.words(operation.path)
        let candidates = [summary, operationID, summary.isEmpty ? [] : summary + route, route]
            .filter { !$0.isEmpty }
            .map { NameWords.build(prefix: prefix, words: $0, limit: maxLength) }
        if let free = candidates.first(where: { !taken.contains($0) }) { return free }
        let base = candidates.first ?? prefix
        let words = base.hasPrefix(prefix + "_") ? String(base.dropFirst(prefix.count + 1)) : base
        var counter = 2
        while true {
            let suffix = "_\(counter)"
            let name =
                NameWords.build(
                    prefix: prefix, words: words.split(separator: "_").map(String.init),
                    limit: maxLength - suffix.count) + suffix
            if !taken.contains(name) { return name }
            counter += 1
        }
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
}
