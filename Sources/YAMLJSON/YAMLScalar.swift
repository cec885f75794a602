import JSONCore

/// One YAML scalar as JSON, by YAML 1.2's JSON schema with the core schema's friendlier forms
/// (YAML 1.2.2 §10.2 and §10.3), as OpenAPI prescribes for YAML documents (OAS 3.1 §4.3).
///
/// Plain (unquoted, untagged) scalars:
/// - null: `~`, `null`, `Null`, `NULL`, or nothing;
/// - bool: `true`, `True`, `TRUE`, `false`, `False`, `FALSE`;
/// - integer: `[-+]?(0|[1-9][0-9]*)`, `0o[0-7]+` (octal), `0x[0-9a-fA-F]+` (hex); beyond
///   `Int`'s range, a number;
/// - number: `[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?` and `[-+]?\.[0-9]+(...)`;
/// - everything else is a string: YAML 1.1's `yes`/`no`/`on`/`off`, `0755`, dates, `1_000`,
///   and `.inf`/`.nan` (JSON cannot hold them).
///
/// Quoted scalars are strings. An explicit tag decides: `!!str`, `!!int`, `!!float`, `!!bool`,
/// `!!null`; a value that does not fit its tag is a ``YAMLJSONError``.
public enum YAMLScalar {
    /// A scalar without quotes or tag: its JSON value by the rules above.
    public static func plain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = integer(text) { return integer }
        if let number = number(text) { return .number(number) }
        return .string(text)
    }

    /// A scalar with an explicit tag (`tag:yaml.org,2002:int`, or `!!int` as written); nil when
    /// the value does not fit the tag. Unknown tags keep the text.
    public static func tagged(_ text: String, tag: String) -> JSONValue? {
        let name = tag.hasPrefix("tag:yaml.org,2002:") ? String(tag.dropFirst("tag:yaml.org,2002:".count)) : tag
        switch name {
        case "str", "!!str", "!": return .string(text)
        case "null", "!!null":
            return ["", "~", "null", "Null", "NULL"].contains(text) ? .null : nil
        case "bool", "!!bool":
            if ["true", "True", "TRUE"].contains(text) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(text) { return .bool(false) }
            return nil
        case "int", "!!int":
            return integer(text)
        case "float", "!!float":
            if let integer = integer(text), case .integer(let value) = integer { return .number(Double(value)) }
            return number(text).map(JSONValue.number)
        default:
            return .string(text)
        }
    }

    /// `[-+]?(0|[1-9][0-9]*)`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func integer(_ text: String) -> JSONValue? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            let digits = String(decoding: utf8[2...], as: UTF8.self)
            if utf8[1] == UInt8(ascii: "o"), digits.utf8.allSatisfy({ (0x30...0x37).contains($0) }) {
                return Int(digits, radix: 8).map(JSONValue.integer)
            }
            if utf8[1] == UInt8(ascii: "x"), digits.utf8.allSatisfy(isHex) {
                return Int(digits, radix: 16).map(JSONValue.integer)
            }
        }
        var index = 0
        if utf8[0] == UInt8(ascii: "-") || utf8[0] == UInt8(ascii: "+") { index = 1 }
        let digits = utf8[index...]
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        let signless = utf8[0] == UInt8(ascii: "+") ? String(text.dropFirst()) : text
        if let value = Int(signless) { return .integer(value) }
        return Double(signless).map(JSONValue.number)
    }

    /// `[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `[-+]?\.[0-9]+([eE][-+]?[0-9]+)?`,
    /// with at least a fraction or an exponent (integers are matched first).
    static func number(_ text: String) -> Double? {
        let utf8 = Array(text.utf8)
        var index = 0
        func take(_ predicate: (UInt8) -> Bool) -> Int {
            let start = index
            while index < utf8.count, predicate(utf8[index]) { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        let integerStart = index
        let integerDigits = take(isDigit)
        if integerDigits > 1, utf8[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        var hasPoint = false
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            hasPoint = true
            index += 1
            fractionDigits = take(isDigit)
        }
        if integerDigits == 0 && fractionDigits == 0 { return nil }
        var hasExponent = false
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                index += 1
            }
            guard take(isDigit) > 0 else { return nil }
            hasExponent = true
        }
        guard index == utf8.count, hasPoint || hasExponent else { return nil }
        let signless = utf8.first == UInt8(ascii: "+") ? String(text.dropFirst()) : text
        return Double(signless)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
