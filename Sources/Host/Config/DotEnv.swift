import Foundation

/// Variables read from a `.env` file, as dotenv does: `KEY=value`, optional `export `,
/// `#` comments, single quotes taken literally, double quotes with `\n`, `\t`, `\"`, `\\`.
public struct DotEnv: Sendable {
    public struct Entry: Sendable, Equatable {
        public var value: String
        public var line: Int
    }

    public var path: String
    public var entries: [String: Entry]

    /// Reads `path`; a missing file is an empty `.env`.
    public static func load(path: String) throws(ConfigError) -> DotEnv {
        guard FileManager.default.fileExists(atPath: path) else {
            return DotEnv(path: path, entries: [:])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(
                .unreadableFile, at: .file(path: path, line: 1, column: 1), key: "",
                "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws(ConfigError) -> DotEnv {
        var entries: [String: Entry] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(
                    .syntax, at: .file(path: path, line: index + 1, column: 1), key: "",
                    "expected KEY=value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw ConfigError(
                    .syntax, at: .file(path: path, line: index + 1, column: 1), key: key,
                    "not a variable name")
            }
            let rawValue = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            entries[key] = Entry(value: unquote(rawValue), line: index + 1)
        }
        return DotEnv(path: path, entries: entries)
    }

    private static func unquote(_ value: String) -> String {
        // A quoted value ends at its closing quote; a comment may follow.
        if value.hasPrefix("'"), let end = value.dropFirst().firstIndex(of: "'") {
            return String(value[value.index(after: value.startIndex)..<end])
        }
        if value.hasPrefix("\""), let end = closingQuote(value) {
            var result = ""
            var escaped = false
            for character in value[value.index(after: value.startIndex)..<end] {
                if escaped {
                    switch character {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "r": result.append("\r")
                    default: result.append(character)
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    result.append(character)
                }
            }
            return result
        }
        // Unquoted: a ` #` starts a comment.
        if let comment = value.range(of: " #") {
            return value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
        }
        return value
    }

    /// The index of the unescaped `"` that closes a value starting with `"`.
    private static func closingQuote(_ value: String) -> String.Index? {
        var escaped = false
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return index
            }
            index = value.index(after: index)
        }
        return nil
    }
}
