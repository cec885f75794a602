import ProviderKit

/// Properties a schema marks as belonging to one direction only (`readOnly: true`: responses
/// only; `writeOnly: true`: requests only; OAS 3.0.3 §4.7.24, OAS 3.1 §4.8.24 / JSON Schema
/// Validation 2020-12 §9.4), and schemas without them. A required marked property is required
/// in its own direction only, so it leaves `required` too.
enum MarkedProperties {
    /// `schema` without the properties marked `marker: true` (with their place in `required`),
    /// at any depth: through `allOf`, `items`, branches, `properties`, `$defs`...
    static func stripping(_ marker: String, from schema: JSONValue) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        let names = marked(marker, in: object)
        if !names.isEmpty { object = removing(names, from: object) }
        for key in ["items", "additionalProperties", "not", "if", "then", "else", "contains"] {
            if let value = object[key] { object[key] = stripping(marker, from: value) }
        }
        for key in ["properties", "patternProperties", "$defs", "dependentSchemas"] {
            if case .object(let map)? = object[key] {
                object[key] = .object(map.mapValues { stripping(marker, from: $0) })
            }
        }
        for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            if case .array(let list)? = object[key] { object[key] = .array(list.map { stripping(marker, from: $0) }) }
        }
        return .object(object)
    }

    /// Properties marked here or in an `allOf` member (which applies here too).
    static func marked(_ marker: String, in object: [String: JSONValue]) -> Set<String> {
        var names = Set<String>()
        for (name, property) in object["properties"]?.objectValue ?? [:] where isMarked(marker, property) {
            names.insert(name)
        }
        for member in object["allOf"]?.arrayValue ?? [] {
            if let member = member.objectValue { names.formUnion(marked(marker, in: member)) }
        }
        return names
    }

    static func isMarked(_ marker: String, _ schema: JSONValue) -> Bool {
        if schema[marker] == .bool(true) { return true }
        return schema["allOf"]?.arrayValue?.contains { isMarked(marker, $0) } ?? false
    }

    /// The object without `names` in its `properties` and `required`, here and in `allOf` members.
    static func removing(_ names: Set<String>, from object: [String: JSONValue]) -> [String: JSONValue] {
        var object = object
        if case .object(var properties)? = object["properties"] {
            for name in names { properties[name] = nil }
            object["properties"] = .object(properties)
        }
        if case .array(let required)? = object["required"] {
            let left = required.filter { !names.contains($0.stringValue ?? "") }
            object["required"] = left.isEmpty ? nil : .array(left)
        }
        if case .array(let members)? = object["allOf"] {
            object["allOf"] = .array(members.map { $0.objectValue.map { .object(removing(names, from: $0)) } ?? $0 })
        }
        return object
    }
}
