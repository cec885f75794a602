import ProviderKit

/// Turns an OpenAPI schema into a self-contained JSON Schema (2020-12) for a tool's input:
/// - local `$ref`s (any JSON pointer into the document, RFC 6901) are inlined; a recursive one
///   is expanded `maxRecursion` times, then cut with a note in the description;
/// - OpenAPI-only keywords are mapped (`nullable` to a `null` type, 3.0's boolean exclusive
///   bounds to numbers) or dropped (`example`, `xml`, ...);
/// - a `oneOf`/`anyOf` with a `discriminator` becomes `if`/`then` per discriminator value
///   (explicit `mapping`, else the branch's schema name), so that the property selects the
///   branch as OAS 3.0.3 §4.7.25 / 3.1 §4.8.25 define, where plain `oneOf` would reject a body
///   matching several open branches.
///
/// Input schemas are request schemas: ``RequestSchema/strippingReadOnly(_:)`` then removes
/// read-only properties.
struct SchemaInliner {
    /// The whole document, which local references point into.
    let document: JSONValue
    var maxRecursion = 2
    /// References that could not be resolved, as written; the reader resets it per operation.
    var unresolved: [String] = []
    /// Inlined references whose expansion met no recursion cut (so it is the same anywhere).
    private var cache: [String: JSONValue] = [:]
    private var cuts = 0

    init(document: JSONValue) {
        self.document = document
    }

    mutating func inline(_ schema: JSONValue) -> JSONValue {
        var stack: [String] = []
        return inline(schema, stack: &stack)
    }

    private mutating func inline(_ schema: JSONValue, stack: inout [String]) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        if let ref = object["$ref"]?.stringValue {
            object["$ref"] = nil
            let resolved = resolve(ref, stack: &stack)
            // Sibling keywords of a $ref (allowed in 3.1) apply together with it; 3.0's
            // description and summary siblings only annotate.
            let meaningful = object.keys.filter { !["description", "summary"].contains($0) }
            guard !meaningful.isEmpty else {
                guard let description = object["description"], case .object(var target) = resolved else {
                    return resolved
                }
                target["description"] = description
                return .object(target)
            }
            return .object(["allOf": [resolved, inline(.object(object), stack: &stack)]])
        }
        var conditions: [JSONValue] = []
        if let rewritten = discriminated(object, stack: &stack) {
            object = rewritten.object
            conditions = rewritten.conditions
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
        if !conditions.isEmpty {
            result["allOf"] = .array((result["allOf"]?.arrayValue ?? []) + conditions)
        }
        return .object(result)
    }

    private mutating func resolve(_ ref: String, stack: inout [String]) -> JSONValue {
        if let cached = cache[ref] { return cached }
        guard let target = DocumentPointer.resolve(ref, in: document) else {
            unresolved.append(ref)
            return ["description": .string("Unresolvable reference \(ref).")]
        }
        let name = Self.name(of: ref)
        guard stack.filter({ $0 == ref }).count < maxRecursion else {
            cuts += 1
            return [
                "type": "object",
                "description": .string("A \(name) (recursive; not expanded further here)."),
            ]
        }
        let cutsBefore = cuts
        stack.append(ref)
        defer { stack.removeLast() }
        let inlined = inline(target, stack: &stack)
        if cuts == cutsBefore, unresolved.isEmpty { cache[ref] = inlined }
        return inlined
    }

    /// The last token of a reference: `Pet` of `#/components/schemas/Pet`.
    static func name(of ref: String) -> String {
        JSONPointer.unescape(ref.split(separator: "/").last ?? Substring(ref))
    }

    /// A discriminated `oneOf`/`anyOf` without it: the object left, and the `allOf` members
    /// that select a branch by the property's value. Nil when there is nothing to rewrite, or
    /// when some branch has no name to select it by (then the discriminator is only dropped).
    private mutating func discriminated(_ object: [String: JSONValue], stack: inout [String])
        -> (object: [String: JSONValue], conditions: [JSONValue])?
    {
        guard let discriminator = object["discriminator"], let property = discriminator["propertyName"]?.stringValue,
            let key = ["oneOf", "anyOf"].first(where: { object[$0]?.arrayValue != nil }),
            let branches = object[key]?.arrayValue, !branches.isEmpty
        else { return nil }
        // Explicit mapping: value → reference (a bare name means a schema of components).
        var explicit: [(value: String, ref: String)] = []
        for (value, target) in discriminator["mapping"]?.objectValue ?? [:] {
            guard let target = target.stringValue else { continue }
            explicit.append((value, target.contains("/") ? target : "#/components/schemas/" + target))
        }
        explicit.sort { $0.value < $1.value }
        var selections: [(values: [String], branch: JSONValue)] = []
        var mapped = Set<String>()
        for branch in branches {
            guard let ref = branch["$ref"]?.stringValue else { return nil }
            var values = explicit.filter { $0.ref == ref }.map(\.value)
            if values.isEmpty { values = [Self.name(of: ref)] }
            mapped.insert(ref)
            selections.append((values, branch))
        }
        // Mapping values naming schemas outside the list select them too.
        for (value, ref) in explicit where !mapped.contains(ref) {
            selections.append(([value], ["$ref": .string(ref)]))
        }
        var rest = object
        rest[key] = nil
        rest["discriminator"] = nil
        let all = selections.flatMap(\.values)
        var conditions: [JSONValue] = [
            [
                "required": [.string(property)],
                "properties": .object([property: ["enum": .array(all.map { .string($0) })]]),
            ]
        ]
        for (values, branch) in selections {
            let selector: JSONValue =
                values.count == 1 ? ["const": .string(values[0])] : ["enum": .array(values.map { .string($0) })]
            conditions.append([
                "if": ["properties": .object([property: selector]), "required": [.string(property)]],
                "then": inline(branch, stack: &stack),
            ])
        }
        return (rest, conditions)
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
