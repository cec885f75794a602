import ProviderKit

/// Turns an OpenAPI schema into a self-contained JSON Schema for a tool: local `$ref`s are
/// inlined (a recursive one is expanded `maxRecursion` times, then cut with a note in the
/// description), OpenAPI-only keywords are mapped or dropped.
struct SchemaInliner {
    /// `components.schemas`, by name.
    let components: [String: JSONValue]
    var maxRecursion = 2
    /// Refs that could not be resolved, as `#/components/schemas/X` strings.
    private(set) var unresolved: [String] = []

    static let prefix = "#/components/schemas/"

    init(components: [String: JSONValue]) {
        self.components = components
    }

    mutating func inline(_ schema: JSONValue) -> JSONValue {
        var stack: [String] = []
        return inline(schema, stack: &stack)
    }

    private mutating func inline(_ schema: JSONValue, stack: inout [String]) -> JSONValue {
        switch schema {
        case .object(var object):
            if let ref = object["$ref"]?.stringValue {
                object["$ref"] = nil
                let resolved = resolve(ref, stack: &stack)
                // Sibling keywords of a $ref (allowed in 3.1) apply together with it.
                guard !object.isEmpty else { return resolved }
                return .object(["allOf": [resolved, inline(.object(object), stack: &stack)]])
            }
            for key in Self.dropped { object[key] = nil }
            if case .bool(true)? = object["nullable"] {
                object["nullable"] = nil
                object = Self.allowingNull(object)
            } else {
                object["nullable"] = nil
            }
            Self.mapExclusiveBounds(&object)
            var result: [String: JSONValue] = [:]
            for (key, value) in object {
                switch value {
                case .object(let map) where Self.schemaMaps.contains(key):
                    result[key] = .object(map.mapValues { inline($0, stack: &stack) })
                case .array(let schemas) where Self.schemaArrays.contains(key):
                    result[key] = .array(schemas.map { inline($0, stack: &stack) })
                case .object where !Self.dataKeys.contains(key):
                    result[key] = inline(value, stack: &stack)
                default:
                    result[key] = value
                }
            }
            return .object(result)
        default:
            return schema
        }
    }

    private mutating func resolve(_ ref: String, stack: inout [String]) -> JSONValue {
        guard ref.hasPrefix(Self.prefix), let target = components[String(ref.dropFirst(Self.prefix.count))] else {
            unresolved.append(ref)
            return ["description": .string("Unresolvable reference \(ref).")]
        }
        let name = String(ref.dropFirst(Self.prefix.count))
        guard stack.filter({ $0 == name }).count < maxRecursion else {
            return [
                "type": "object",
                "description": .string("A \(name) (recursive; not expanded further here)."),
            ]
        }
        stack.append(name)
        defer { stack.removeLast() }
        return inline(target, stack: &stack)
    }

    /// OpenAPI annotations that are not JSON Schema, or that clients need not see.
    static let dropped = ["example", "examples", "xml", "externalDocs", "discriminator"]
    /// Keywords whose values are literal data, never schemas.
    static let dataKeys: Set<String> = ["enum", "const", "default", "examples", "example"]
    /// Keywords whose values map names to schemas.
    static let schemaMaps: Set<String> = [
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    ]
    /// Keywords whose values are lists of schemas.
    static let schemaArrays: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]

    /// `nullable: true` (OpenAPI 3.0) as JSON Schema: `null` joins the type, or the enum.
    static func allowingNull(_ object: [String: JSONValue]) -> [String: JSONValue] {
        var object = object
        switch object["type"] {
        case .string(let type)?: object["type"] = [.string(type), "null"]
        case .array(var types)? where !types.contains("null"):
            types.append("null")
            object["type"] = .array(types)
        case nil: return ["anyOf": [.object(object), ["type": "null"]]]
        default: break
        }
        if case .array(var values)? = object["enum"], !values.contains(.null) {
            values.append(.null)
            object["enum"] = .array(values)
        }
        return object
    }

    /// OpenAPI 3.0's boolean `exclusiveMinimum`/`exclusiveMaximum` as JSON Schema's numbers.
    static func mapExclusiveBounds(_ object: inout [String: JSONValue]) {
        for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            guard case .bool(let flag)? = object[exclusive] else { continue }
            object[exclusive] = nil
            if flag, let value = object[bound] {
                object[exclusive] = value
                object[bound] = nil
            }
        }
    }
}
