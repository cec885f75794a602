import JSONCore

/// Lenient reading of tool arguments before validation: the forms agents commonly send that
/// the upstream API would accept, made to fit the schema.
///
/// - A string that is exactly a JSON integer (`"5"`, `"-12"`), where the schema asks for an
///   integer or a number and not a string, becomes that number; exactly a JSON number
///   (`"2.5"`, `"1e3"`), where it asks for a number, too; `"true"`/`"false"`, where it asks for
///   a boolean and not a string, becomes the boolean.
/// - `null` for a property that is not required and whose schema does not allow null is left
///   out, as if the agent had not sent it.
///
/// Nothing else changes: strings with spaces, `"5.0"` for an integer, `"yes"`, and every value
/// the schema already accepts stay as they are. The walk follows `properties`,
/// `additionalProperties`, `items`, `prefixItems`, `allOf`, local `$ref`s, and `anyOf`/`oneOf`
/// branches when exactly one branch can take the value's shape.
public enum ArgumentCoercion {
    /// `arguments` made to fit `schema` as described above.
    public static func apply(_ arguments: JSONValue, schema: JSONValue) -> JSONValue {
        Walker(root: schema).coerce(arguments, schema, depth: 0)
    }

    private struct Walker {
        let root: JSONValue
        /// Deep enough for any real argument; stops recursive schemas.
        static let maxDepth = 64

        func coerce(_ value: JSONValue, _ schema: JSONValue, depth: Int) -> JSONValue {
            guard depth < Self.maxDepth, case .object(let keywords) = schema else { return value }
            var value = value
            if let reference = keywords["$ref"]?.stringValue, reference.hasPrefix("#"),
                let target = JSONPointer.resolve(JSONPointer.fromFragment(reference), in: root)
            {
                value = coerce(value, target, depth: depth + 1)
            }
            for part in keywords["allOf"]?.arrayValue ?? [] { value = coerce(value, part, depth: depth + 1) }
            for key in ["anyOf", "oneOf"] {
                guard let branches = keywords[key]?.arrayValue else { continue }
                let fitting = branches.filter { Self.canTake(value, $0) }
                if fitting.count == 1 { value = coerce(value, fitting[0], depth: depth + 1) }
            }
            let types = Self.types(keywords)
            switch value {
            case .string(let text):
                if let types, !types.contains("string") { return Self.scalar(text, types: types) ?? value }
                return value
            case .object(let object):
                guard types?.contains("object") ?? true else { return value }
                return .object(coerceObject(object, keywords, depth: depth))
            case .array(let items):
                guard types?.contains("array") ?? true else { return value }
                let prefix = keywords["prefixItems"]?.arrayValue ?? []
                let rest = keywords["items"].flatMap { $0.objectValue != nil ? $0 : nil }
                return .array(
                    items.enumerated().map { index, item in
                        if index < prefix.count { return coerce(item, prefix[index], depth: depth + 1) }
                        return rest.map { coerce(item, $0, depth: depth + 1) } ?? item
                    })
            default:
                return value
            }
        }

        private func coerceObject(
            _ object: [String: JSONValue], _ keywords: [String: JSONValue], depth: Int
        ) -> [String: JSONValue] {
            let properties = keywords["properties"]?.objectValue ?? [:]
            let required = Set((keywords["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            let additional = keywords["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
            var result: [String: JSONValue] = [:]
            for (name, member) in object {
                guard let schema = properties[name] else {
                    result[name] = additional.map { coerce(member, $0, depth: depth + 1) } ?? member
                    continue
                }
                if member == .null, !required.contains(name), !allowsNull(schema, depth: depth + 1) { continue }
                result[name] = coerce(member, schema, depth: depth + 1)
            }
            return result
        }

        /// Whether null is valid for `schema`, as far as its type-level keywords tell.
        private func allowsNull(_ schema: JSONValue, depth: Int) -> Bool {
            guard depth < Self.maxDepth, case .object(let keywords) = schema else { return schema != .bool(false) }
            if keywords["nullable"] == .bool(true) { return true }
            if let reference = keywords["$ref"]?.stringValue, reference.hasPrefix("#"),
                let target = JSONPointer.resolve(JSONPointer.fromFragment(reference), in: root),
                !allowsNull(target, depth: depth + 1)
            {
                return false
            }
            if let values = keywords["enum"]?.arrayValue, !values.contains(.null) { return false }
            if let constant = keywords["const"], constant != .null { return false }
            if let types = Self.types(keywords), !types.contains("null") { return false }
            for part in keywords["allOf"]?.arrayValue ?? [] where !allowsNull(part, depth: depth + 1) { return false }
            for key in ["anyOf", "oneOf"] {
                if let branches = keywords[key]?.arrayValue,
                    !branches.contains(where: { allowsNull($0, depth: depth + 1) })
                {
                    return false
                }
            }
            return true
        }

        /// The schema's `type` names; nil when it names none (any type).
        static func types(_ keywords: [String: JSONValue]) -> Set<String>? {
            switch keywords["type"] {
            case .string(let name)?: return [name]
            case .array(let names)?: return Set(names.compactMap(\.stringValue))
            default: return nil
            }
        }

        /// Whether a branch could take a value of this shape, counting a coercible string.
        static func canTake(_ value: JSONValue, _ branch: JSONValue) -> Bool {
            guard case .object(let keywords) = branch, let types = types(keywords) else { return true }
            switch value {
            case .string(let text): return types.contains("string") || scalar(text, types: types) != nil
            case .object: return types.contains("object")
            case .array: return types.contains("array")
            default: return true
            }
        }

        /// `text` as the integer, number or boolean `types` asks for, when it is exactly one.
        static func scalar(_ text: String, types: Set<String>) -> JSONValue? {
            if types.contains("integer") || types.contains("number"), isJSONInteger(text), let integer = Int(text) {
                return .integer(integer)
            }
            if types.contains("number"), isJSONNumber(text), let number = Double(text), number.isFinite {
                return .number(number)
            }
            if types.contains("boolean") {
                if text == "true" { return .bool(true) }
                if text == "false" { return .bool(false) }
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)`: RFC 8259's int.
        static func isJSONInteger(_ text: String) -> Bool {
            var digits = Substring(text)
            if digits.first == "-" { digits = digits.dropFirst() }
            guard let first = digits.first, first.isASCII, first.isNumber else { return false }
            if first == "0" { return digits.count == 1 }
            return digits.allSatisfy { $0.isASCII && $0.isNumber }
        }

        /// RFC 8259's number: int, optional fraction, optional exponent.
        static func isJSONNumber(_ text: String) -> Bool {
            var rest = Substring(text)
            func digits() -> Int {
                let count = rest.prefix { $0.isASCII && $0.isNumber }.count
                rest = rest.dropFirst(count)
                return count
            }
            if rest.first == "-" { rest = rest.dropFirst() }
            if rest.first == "0" {
                rest = rest.dropFirst()
            } else if digits() == 0 {
                return false
            }
            if rest.first == "." {
                rest = rest.dropFirst()
                guard digits() > 0 else { return false }
            }
            if rest.first == "e" || rest.first == "E" {
                rest = rest.dropFirst()
                if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
                guard digits() > 0 else { return false }
            }
            return rest.isEmpty
        }
    }
}
