import ProviderKit

/// Turns an OpenAPI schema into a self-contained JSON Schema (2020-12) for a tool's input (and
/// its output, ``ResponseSchema``):
/// - local `$ref`s (any JSON pointer into the document, RFC 6901) are inlined; a recursive one
///   is expanded `maxRecursion` times, then cut;
/// - an operation's inlined schemas weigh at most `maxBytes` (about 256 KiB of JSON, so no
///   tool's input schema is much larger): beyond it a `$ref` is cut. A document of a few KB
///   whose schemas reference each other five times over nine levels would otherwise expand to
///   tens of MB per tool. The reader warns of budget cuts (``overBudget``);
/// - a cut reference is a permissive schema, its description saying it was not expanded (and
///   the target's own `type`, which the full schema requires anyway), so no valid input is
///   refused; where accepting anything in one place would refuse valid input elsewhere, the
///   keyword is loosened (``loosening(_:cutIn:)``);
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
    /// The weight, in bytes of JSON (``JSONSize``), of an operation's inlined schemas beyond
    /// which references are cut.
    var maxBytes = 256 * 1024
    /// Which schema of the tool is being inlined (`input`, `output`), for the descriptions of cuts.
    var purpose = "input"
    /// References that could not be resolved, as written, in the current operation.
    private(set) var unresolved: [String] = []
    /// References cut for the budget in the current operation, as written (once per cut).
    private(set) var overBudget: [String] = []
    /// Inlined references whose expansion met no cut (so it is the same anywhere), with their
    /// weight.
    private var cache: [String: (value: JSONValue, bytes: Int)] = [:]
    private var cuts = 0
    /// The weight inlined so far for the current operation.
    private var spent = 0

    init(document: JSONValue) {
        self.document = document
    }

    /// Starts an operation: its budget, its unresolved and cut references.
    mutating func beginOperation() {
        spent = 0
        unresolved = []
        overBudget = []
    }

    mutating func inline(_ schema: JSONValue) -> JSONValue {
        var stack: [String] = []
        return inline(schema, stack: &stack)
    }

    private mutating func inline(_ schema: JSONValue, stack: inout [String]) -> JSONValue {
        guard case .object(var object) = schema else {
            spent += JSONSize.estimate(schema)
            return schema
        }
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
                spent += JSONSize.estimate(description)
                return .object(target)
            }
            return .object(["allOf": [resolved, inline(.object(object), stack: &stack)]])
        }
        // The conditions select a branch by a property's value; a cut in a branch only loosens it.
        var conditions: [JSONValue] = []
        if let rewritten = discriminated(object, stack: &stack) {
            object = rewritten.object
            conditions = rewritten.conditions
        }
        var cutIn: Set<String> = []
        for key in Self.dropped { object[key] = nil }
        if case .bool(true)? = object["nullable"] {
            object["nullable"] = nil
            object = Self.allowingNull(object)
        } else {
            object["nullable"] = nil
        }
        Self.mapExclusiveBounds(&object)
        var result: [String: JSONValue] = [:]
        spent += 2
        for (key, value) in object {
            spent += JSONSize.member(key)
            let cutsBefore = cuts
            switch value {
            case .object(let map) where Self.schemaMaps.contains(key):
                result[key] = .object(
                    map.mapValues {
                        spent += 1
                        return inline($0, stack: &stack)
                    })
                spent += map.keys.reduce(0) { $0 + JSONSize.member($1) }
            case .array(let schemas) where Self.schemaArrays.contains(key):
                result[key] = .array(schemas.map { inline($0, stack: &stack) })
                spent += 2 + schemas.count
            case .object where !Self.dataKeys.contains(key):
                result[key] = inline(value, stack: &stack)
            default:
                result[key] = value
                spent += JSONSize.estimate(value)
            }
            if cuts != cutsBefore { cutIn.insert(key) }
        }
        if !conditions.isEmpty {
            result["allOf"] = .array((result["allOf"]?.arrayValue ?? []) + conditions)
        }
        if !cutIn.isEmpty { Self.loosening(&result, cutIn: cutIn) }
        return .object(result)
    }

    private mutating func resolve(_ ref: String, stack: inout [String]) -> JSONValue {
        if let cached = cache[ref] {
            guard spent + cached.bytes <= maxBytes else { return cut(ref, overBudget: true) }
            spent += cached.bytes
            return cached.value
        }
        guard let target = DocumentPointer.resolve(ref, in: document) else {
            unresolved.append(ref)
            return ["description": .string("Unresolvable reference \(ref).")]
        }
        guard stack.filter({ $0 == ref }).count < maxRecursion else { return cut(ref, overBudget: false) }
        guard spent < maxBytes else { return cut(ref, overBudget: true) }
        let (cutsBefore, spentBefore) = (cuts, spent)
        stack.append(ref)
        defer { stack.removeLast() }
        let inlined = inline(target, stack: &stack)
        if cuts == cutsBefore, unresolved.isEmpty { cache[ref] = (inlined, spent - spentBefore) }
        return inlined
    }

    /// The permissive schema that stands for `ref` where it is not expanded: a description
    /// saying so, and the target's own `type` (which the full schema requires anyway).
    private mutating func cut(_ ref: String, overBudget: Bool) -> JSONValue {
        cuts += 1
        let name = Self.name(of: ref)
        var placeholder: [String: JSONValue] = [:]
        if overBudget {
            self.overBudget.append(ref)
            placeholder["description"] = .string(
                "A \(name) (not expanded: this tool's \(purpose) schema would pass \(maxBytes / 1024) KiB).")
        } else {
            placeholder["description"] = .string("A \(name) (recursive; not expanded further here).")
        }
        if let target = DocumentPointer.resolve(ref, in: document), let type = Self.declaredType(of: target) {
            placeholder["type"] = type
        }
        let value = JSONValue.object(placeholder)
        spent += JSONSize.estimate(value)
        return value
    }

    /// A schema's `type` as JSON Schema reads it (with 3.0's `nullable`), when it is written
    /// as a type name or a list of them; nil otherwise.
    static func declaredType(of schema: JSONValue) -> JSONValue? {
        switch schema["type"] {
        case .string(let type)?:
            return schema["nullable"] == .bool(true) ? [.string(type), "null"] : .string(type)
        case .array(let types)? where types.allSatisfy({ $0.stringValue != nil }):
            return .array(types)
        default:
            return nil
        }
    }

    /// A schema whose `keys` hold a cut, loosened where a cut (which accepts more than the
    /// schema it stands for) would make it refuse valid input: `oneOf` becomes `anyOf` (a value
    /// of one branch could now match two), and `not`, `if` (with `then` and `else`) and
    /// `contains` (with its bounds) go.
    static func loosening(_ object: inout [String: JSONValue], cutIn keys: Set<String>) {
        if keys.contains("oneOf"), let branches = object.removeValue(forKey: "oneOf") {
            if object["anyOf"] == nil {
                object["anyOf"] = branches
            } else {
                object["allOf"] = .array((object["allOf"]?.arrayValue ?? []) + [["anyOf": branches]])
            }
        }
        if keys.contains("not") { object["not"] = nil }
        if keys.contains("if") {
            for key in ["if", "then", "else"] { object[key] = nil }
        }
        if keys.contains("contains") {
            for key in ["contains", "minContains", "maxContains"] { object[key] = nil }
        }
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
