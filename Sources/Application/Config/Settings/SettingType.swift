import Foundation
import Settings

/// How one kind of setting value is read, checked and shown: the same rules for config.yaml and
/// for an environment variable, so that a value means the same wherever it is written.
///
/// Problems are reported to the ``ConfigReader`` under the key they concern (the dotted
/// config.yaml path, or the variable's name) at the place the value was written.
struct SettingType<Value: Sendable>: Sendable {
    /// Reads a config.yaml value (never null); nil after reporting why it cannot be used.
    let fromNode: @Sendable (_ node: ConfigNode, _ key: String, _ reader: inout ConfigReader) -> Value?
    /// Reads a variable's text (never empty); nil after reporting why it cannot be used.
    let fromText:
        @Sendable (_ text: String, _ location: ConfigLocation, _ key: String, _ reader: inout ConfigReader) -> Value?
    /// A value as the configuration reference shows a default: `` `3001` ``, `(none)` for empty.
    let show: @Sendable (Value) -> String
    /// What the reference says of every value of this kind (`comma list`, an integer's range).
    let fact: String?
    /// The values an integer may take.
    let range: ClosedRange<Int>?

    /// A kind read from one scalar: config.yaml's scalar text is read as a variable's text is.
    init(
        fact: String? = nil, range: ClosedRange<Int>? = nil,
        show: @escaping @Sendable (Value) -> String,
        fromText: @escaping @Sendable (String, ConfigLocation, String, inout ConfigReader) -> Value?
    ) {
        self.init(
            fact: fact, range: range, show: show, fromText: fromText,
            fromNode: { node, key, reader in
                reader.string(node, key: key).flatMap { fromText($0, node.location, key, &reader) }
            })
    }

    init(
        fact: String?, range: ClosedRange<Int>?,
        show: @escaping @Sendable (Value) -> String,
        fromText: @escaping @Sendable (String, ConfigLocation, String, inout ConfigReader) -> Value?,
        fromNode: @escaping @Sendable (ConfigNode, String, inout ConfigReader) -> Value?
    ) {
        self.fromNode = fromNode
        self.fromText = fromText
        self.show = show
        self.fact = fact
        self.range = range
    }

    /// The same kind, with each of `problems(value)` reported as an invalid value at the place
    /// it was written. The value is still used: the configuration is refused as a whole anyway.
    func checked(_ problems: @escaping @Sendable (Value) -> [String]) -> SettingType {
        let (fromNode, fromText) = (self.fromNode, self.fromText)
        @Sendable func report(_ value: Value, _ location: ConfigLocation, _ key: String, _ reader: inout ConfigReader) {
            for problem in problems(value) {
                reader.report(ConfigError(.invalidValue, at: location, key: key, problem))
            }
        }
        return SettingType(
            fact: fact, range: range, show: show,
            fromText: { text, location, key, reader in
                let value = fromText(text, location, key, &reader)
                if let value { report(value, location, key, &reader) }
                return value
            },
            fromNode: { node, key, reader in
                let value = fromNode(node, key, &reader)
                if let value { report(value, node.location, key, &reader) }
                return value
            })
    }
}

extension SettingType where Value == String {
    /// Text as written.
    static var string: SettingType {
        SettingType(show: { $0.isEmpty ? "(none)" : "`\($0)`" }, fromText: { text, _, _, _ in text })
    }

    /// An absolute http(s) URL with a host.
    static var url: SettingType {
        string.checked { text in
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else { return ["\"\(text)\" is not an absolute http(s) URL"] }
            return []
        }
    }

    /// One of `names`, exactly as written.
    static func oneOf(_ names: [String]) -> SettingType {
        oneOf(names, named: { $0 })
    }
}

extension SettingType where Value == Bool {
    /// `true/false`, `yes/no`, `on/off`, `1/0`, any case (``ConfigReader/parseBool(_:)``).
    static var bool: SettingType {
        SettingType(show: { "`\($0)`" }) { text, location, key, reader in
            reader.checkedBool(text, at: location, key: key)
        }
    }
}

extension SettingType where Value == Int {
    /// A whole number in `range` (`_` may group digits); the reference states the range.
    static func integer(_ range: ClosedRange<Int>) -> SettingType {
        SettingType(fact: Self.describe(range), range: range, show: Self.shown) { text, location, key, reader in
            reader.checkedInteger(text, at: location, key: key, range: range)
        }
    }

    /// `` `10485760` (10 MiB) ``: a whole number of MiB is named as such.
    private static func shown(_ value: Int) -> String {
        let mebibyte = 1 << 20
        guard value >= mebibyte, value % mebibyte == 0 else { return "`\(value)`" }
        return "`\(value)` (\(value / mebibyte) MiB)"
    }

    /// `100 to 3,600,000`, or `at least 1` for a range without a useful top.
    static func describe(_ range: ClosedRange<Int>) -> String {
        func grouped(_ value: Int) -> String {
            var digits = String(value.magnitude), groups: [Substring] = []
            while digits.count > 3 {
                groups.insert(Substring(digits.suffix(3)), at: 0)
                digits.removeLast(3)
            }
            return (value < 0 ? "-" : "") + ([Substring(digits)] + groups).joined(separator: ",")
        }
        guard range.upperBound != Int.max else { return "at least \(grouped(range.lowerBound))" }
        return "\(grouped(range.lowerBound)) to \(grouped(range.upperBound))"
    }
}

extension SettingType where Value == [String] {
    /// Items in config.yaml's list, or comma-separated in one string (as the TypeScript server's
    /// variables are); items are trimmed and blanks dropped.
    static var list: SettingType {
        SettingType(
            fact: "comma list", range: nil,
            show: { $0.isEmpty ? "(none)" : $0.map { "`\($0)`" }.joined(separator: ", ") },
            fromText: { text, _, _, _ in ConfigReader.commaList(text) },
            fromNode: { node, key, reader in reader.stringList(node, key: key) })
    }
}

extension SettingType where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of the cases, each written as its raw value.
    static var enumeration: SettingType { oneOf(Array(Value.allCases), named: \.rawValue) }
}

extension SettingType {
    /// One of `choices`, each written as its `name`. A problem names them all: `expected text or
    /// json, found "xml"`, or `expected one of trace, debug, …, found "loud"` for more than two.
    static func oneOf(_ choices: [Value], named name: @escaping @Sendable (Value) -> String) -> SettingType {
        let names = choices.map(name)
        let expected =
            names.count == 2 ? "\(names[0]) or \(names[1])" : "one of \(names.joined(separator: ", "))"
        return SettingType(show: { "`\(name($0))`" }) { text, location, key, reader in
            if let index = names.firstIndex(of: text) { return choices[index] }
            reader.report(ConfigError(.invalidValue, at: location, key: key, "expected \(expected), found \"\(text)\""))
            return nil
        }
    }
}
