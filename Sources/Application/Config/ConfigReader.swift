import Foundation
import Settings

/// Reads typed values out of ``ConfigNode``s, collecting every problem instead of stopping at
/// the first, so a user sees all of them at once.
struct ConfigReader {
    private(set) var errors: [ConfigError] = []
    /// Told of every key a mapping allows.
    var names: SettingNames?

    mutating func report(_ error: ConfigError) { errors.append(error) }

    /// The members of a mapping, reporting keys outside `allowed` (with a close match).
    mutating func mapping(
        _ node: ConfigNode?, key: String, allowed: [String]
    ) -> [String: ConfigNode] {
        if let names { for name in allowed { names.key(key.isEmpty ? name : "\(key).\(name)") } }
        guard let node, !node.isNull else { return [:] }
        guard case .mapping(let pairs) = node.value else {
            report(
                ConfigError(
                    .wrongType(expected: "a mapping"), at: node.location, key: key,
                    "expected a mapping, found \(node.kindName)"))
            return [:]
        }
        var members: [String: ConfigNode] = [:]
        for pair in pairs {
            let path = key.isEmpty ? pair.key : "\(key).\(pair.key)"
            guard allowed.contains(pair.key) else {
                report(
                    ConfigError(
                        .unknownKey(suggestion: Self.closest(pair.key, in: allowed)),
                        at: pair.keyLocation, key: path, "unknown key"))
                continue
            }
            members[pair.key] = pair.value
        }
        return members
    }

    /// The members of a mapping whose keys are names chosen by the user.
    mutating func namedMapping(_ node: ConfigNode?, key: String) -> [(String, ConfigNode)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let pairs) = node.value else {
            report(
                ConfigError(
                    .wrongType(expected: "a mapping"), at: node.location, key: key,
                    "expected a mapping, found \(node.kindName)"))
            return []
        }
        return pairs.map { ($0.key, $0.value) }
    }

    mutating func string(_ node: ConfigNode?, key: String) -> String? {
        guard let node, !node.isNull else { return nil }
        guard case .scalar(let text, _) = node.value else {
            report(
                ConfigError(
                    .wrongType(expected: "a string"), at: node.location, key: key,
                    "expected a string, found \(node.kindName)"))
            return nil
        }
        return text
    }

    /// `text` as a boolean (``parseBool(_:)``), or nil after reporting it at `location`.
    mutating func checkedBool(_ text: String, at location: ConfigLocation, key: String) -> Bool? {
        guard let value = Self.parseBool(text) else {
            report(
                ConfigError(
                    .wrongType(expected: "a boolean"), at: location, key: key,
                    "expected true/false, yes/no or 1/0, found \"\(text)\""))
            return nil
        }
        return value
    }

    mutating func checkedInteger(
        _ text: String, at location: ConfigLocation, key: String, range: ClosedRange<Int>
    ) -> Int? {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            report(
                ConfigError(
                    .wrongType(expected: "an integer"), at: location, key: key,
                    "expected a whole number, found \"\(text)\""))
            return nil
        }
        guard range.contains(value) else {
            report(
                ConfigError(
                    .invalidValue, at: location, key: key,
                    "\(value) is out of range (\(range.lowerBound) to \(range.upperBound))"))
            return nil
        }
        return value
    }

    /// A list of strings; a scalar is read as a comma-separated list, as the environment
    /// variables of the TypeScript server are.
    mutating func stringList(_ node: ConfigNode?, key: String) -> [String]? {
        guard let node, !node.isNull else { return nil }
        switch node.value {
        case .scalar(let text, _):
            return Self.commaList(text)
        case .sequence(let items):
            var values: [String] = []
            for (index, item) in items.enumerated() {
                if let value = string(item, key: "\(key)[\(index)]") { values.append(value) }
            }
            return values
        case .mapping:
            report(
                ConfigError(
                    .wrongType(expected: "a list"), at: node.location, key: key,
                    "expected a list of strings, found a mapping"))
            return nil
        }
    }

    /// `true/false`, `yes/no`, `on/off`, `1/0`, any case; nil for anything else.
    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }

    /// Comma-separated items, trimmed, blanks dropped.
    static func commaList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The allowed key nearest to `key` by edit distance, when near enough to be a typo.
    static func closest(_ key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else {
            return nil
        }
        return best.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1,
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
