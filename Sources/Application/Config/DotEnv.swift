import Foundation

/// Variables read from a `.env` file, as dotenv does: `KEY=value`, optional `export `,
/// `#` comments, single quotes and backticks taken literally, double quotes with `\n`, `\t`,
/// `\"`, `\\`; a quoted value may span lines; a UTF-8 byte-order mark is skipped.
package struct DotEnv: Sendable {
    package struct Entry: Sendable, Equatable {
        package var value: String
        package var line: Int
    }

    package var path: String
    package var entries: [String: Entry]

    /// Reads `path`; a missing file is an empty `.env`.
    package static func load(path: String) throws(ConfigError) -> DotEnv {
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

    package static func parse(_ text: String, path: String) throws(ConfigError) -> DotEnv {
        var entries: [String: Entry] = [:]
        // A UTF-8 byte-order mark (some Windows editors write one) is not part of the first key.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // `\r\n` is one Character in Swift, a newline like `\n`.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var index = 0
        while index < lines.count {
            let number = index + 1
            var line = lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(
                    .syntax, at: .file(path: path, line: number, column: 1), key: "", "expected KEY=value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                throw ConfigError(
                    .syntax, at: .file(path: path, line: number, column: 1), key: key, "not a variable name")
            }
            var rawValue = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // A quoted value may span lines (a PEM key), as dotenv and Node's --env-file read it.
            if let quote = rawValue.first, quotes.contains(quote), closingQuote(rawValue) == nil {
                while closingQuote(rawValue) == nil {
                    guard index < lines.count else {
                        throw ConfigError(
                            .syntax, at: .file(path: path, line: number, column: 1), key: key,
                            "the value's \(quote) quote is never closed")
                    }
                    rawValue += "\n" + lines[index]
                    index += 1
                }
                // Only a comment may follow the closing quote: anything else means the quote
                // closed another line's value (`A="x` then `B="y"`), which must not be swallowed.
                let end = closingQuote(rawValue)!
                let rest = rawValue[rawValue.index(after: end)...].trimmingCharacters(in: .whitespaces)
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw ConfigError(
                        .syntax, at: .file(path: path, line: number, column: 1), key: key,
                        "the value's \(quote) quote closes on line \(index) before \"\(rest)\": is a quote missing?")
                }
            }
            entries[key] = Entry(value: unquote(rawValue), line: number)
        }
        return DotEnv(path: path, entries: entries)
    }

    private static let quotes: Set<Character> = ["\"", "'", "`"]

    private static func unquote(_ value: String) -> String {
        // A quoted value ends at its closing quote; a comment may follow.
        if let quote = value.first, quote == "'" || quote == "`", let end = closingQuote(value) {
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

    /// The index of the quote that closes a value starting with a quote: the next one of its
    /// kind, unescaped in a double-quoted value. Nil when the value does not start with a quote
    /// or never closes.
    private static func closingQuote(_ value: String) -> String.Index? {
        guard let quote = value.first, quotes.contains(quote) else { return nil }
        var escaped = false
        var index = value.index(after: value.startIndex)
        while index < value.endIndex {
            let character = value[index]
            if escaped {
                escaped = false
            } else if character == "\\", quote == "\"" {
                escaped = true
            } else if character == quote {
                return index
            }
            index = value.index(after: index)
        }
        return nil
    }
}
