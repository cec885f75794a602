import ProviderKit

/// What a request schema may ask for. OAS 3.0.3 §4.7.24 (`readOnly`: "SHOULD NOT be sent as
/// part of the request"; a required read-only property applies to responses only) and OAS 3.1
/// §4.8.24 / JSON Schema Validation 2020-12 §9.4: read-only properties leave request schemas,
/// with their place in `required`, at any depth (through `allOf`, `items`, branches...).
/// Write-only properties belong in requests and stay.
enum RequestSchema {
    static func strippingReadOnly(_ schema: JSONValue) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        let names = readOnlyProperties(object)
        if !names.isEmpty { object = removing(names, from: object) }
        for key in ["items", "additionalProperties", "not", "if", "then", "else", "contains"] {
            if let value = object[key] { object[key] = strippingReadOnly(value) }
        }
        for key in ["properties", "patternProperties", "$defs", "dependentSchemas"] {
            if case .object(let map)? = object[key] { object[key] = .object(map.mapValues(strippingReadOnly)) }
        }
        for key in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            if case .array(let list)? = object[key] { object[key] = .array(list.map(strippingReadOnly)) }
        }
        return .object(object)
    }

    /// Properties declared read-only here or in an `allOf` member (which applies here too).
    static func readOnlyProperties(_ object: [String: JSONValue]) -> Set<String> {
        var names = Set<String>()
        for (name, property) in object["properties"]?.objectValue ?? [:] where isReadOnly(property) {
            names.insert(name)
        }
        for member in object["allOf"]?.arrayValue ?? [] {
            if let member = member.objectValue { names.formUnion(readOnlyProperties(member)) }
        }
        return names
    }

    static func isReadOnly(_ schema: JSONValue) -> Bool {
        if schema["readOnly"] == .bool(true) { return true }
        return schema["allOf"]?.arrayValue?.contains(where: isReadOnly) ?? false
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
