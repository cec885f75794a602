import Foundation
import JSONCore

/// Turns a schema into ``SchemaNode``s, one per subschema, resolving local `$ref`s through a
/// table keyed by JSON Pointer so that a recursive schema compiles to a cycle, not forever.
struct SchemaCompiler {
    let root: JSONValue
    let draft: SchemaDraft
    private var byPointer: [String: SchemaNode] = [:]
    private(set) var allNodes: [SchemaNode] = []

    init(root: JSONValue, draft: SchemaDraft) {
        self.root = root
        self.draft = draft
    }

    mutating func compileRoot() throws(SchemaCompileError) -> SchemaNode {
        try node(at: "")
    }

    /// The node for the subschema at `pointer`, compiled on first use.
    private mutating func node(at pointer: String) throws(SchemaCompileError) -> SchemaNode {
        if let existing = byPointer[pointer] { return existing }
        guard let schema = JSONPointer.resolve(pointer, in: root) else {
            throw SchemaCompileError(schemaPath: pointer, message: "nothing at this pointer")
        }
        let node = SchemaNode()
        byPointer[pointer] = node
        allNodes.append(node)
        try compile(schema, at: pointer, into: node)
        return node
    }

    private func fail(_ pointer: String, _ message: String) -> SchemaCompileError {
        SchemaCompileError(schemaPath: pointer, message: message)
    }

    private mutating func compile(_ schema: JSONValue, at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        switch schema {
        case .bool(let allowed):
            node.rejectsAll = !allowed
            return
        case .object:
            break
        default:
            throw fail(pointer, "a schema must be an object or a boolean")
        }
        let keywords = schema.objectValue ?? [:]
        if let reference = keywords["$ref"] {
            guard let text = reference.stringValue, text.hasPrefix("#") else {
                throw fail(pointer + "/$ref", "only local references (#...) are supported")
            }
            let target = try self.node(at: JSONPointer.fromFragment(text))
            node.checks.append { [unowned target] instance, path, violations in
                target.validate(instance, at: path, into: &violations)
            }
            if draft == .draft7 { return }  // Draft 7 ignores the keywords beside $ref.
        }
        if case .bool(true)? = keywords["nullable"] { node.nullable = true }
        try compileGeneric(keywords, at: pointer, into: node)
        try compileNumeric(keywords, at: pointer, into: node)
        try compileString(keywords, at: pointer, into: node)
        try compileArray(keywords, at: pointer, into: node)
        try compileObject(keywords, at: pointer, into: node)
        try compileCombinators(keywords, at: pointer, into: node)
    }

    // MARK: Any type

    private func compileGeneric(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        if let type = keywords["type"] {
            let names: [String]
            switch type {
            case .string(let name): names = [name]
            case .array(let items): names = items.compactMap(\.stringValue)
            default: throw fail(pointer + "/type", "type must be a string or an array of strings")
            }
            let expected = names.joined(separator: " or ")
            node.checks.append { instance, path, violations in
                guard !names.contains(where: instance.hasType) else { return }
                violations.append(.init(path: path, message: "expected \(expected), found \(instance.typeName)"))
            }
        }
        if let options = keywords["enum"] {
            guard case .array(let values) = options else { throw fail(pointer + "/enum", "enum must be an array") }
            let listing = values.map { String(decoding: $0.encoded(), as: UTF8.self) }.joined(separator: ", ")
            node.checks.append { instance, path, violations in
                guard !values.contains(where: { $0.schemaEquals(instance) }) else { return }
                violations.append(.init(path: path, message: "must be one of \(listing)"))
            }
        }
        if let constant = keywords["const"] {
            let text = String(decoding: constant.encoded(), as: UTF8.self)
            node.checks.append { instance, path, violations in
                guard !constant.schemaEquals(instance) else { return }
                violations.append(.init(path: path, message: "must be \(text)"))
            }
        }
    }

    // MARK: Numbers

    private func number(_ keywords: [String: JSONValue], _ key: String, _ pointer: String) throws(SchemaCompileError)
        -> Double?
    {
        guard let value = keywords[key] else { return nil }
        guard let number = value.numericValue else { throw fail(pointer + "/" + key, "\(key) must be a number") }
        return number
    }

    private func compileNumeric(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        // OpenAPI 3.0 (draft 4) writes exclusiveMinimum/Maximum as booleans beside minimum/maximum.
        let exclusiveMinFlag = keywords["exclusiveMinimum"] == .bool(true)
        let exclusiveMaxFlag = keywords["exclusiveMaximum"] == .bool(true)
        var bounds: [(Double, Bool, Bool)] = []  // (limit, isLower, exclusive)
        if let minimum = try number(keywords, "minimum", pointer) { bounds.append((minimum, true, exclusiveMinFlag)) }
        if let maximum = try number(keywords, "maximum", pointer) { bounds.append((maximum, false, exclusiveMaxFlag)) }
        if case .bool = keywords["exclusiveMinimum"] {
        } else if let limit = try number(keywords, "exclusiveMinimum", pointer) {
            bounds.append((limit, true, true))
        }
        if case .bool = keywords["exclusiveMaximum"] {
        } else if let limit = try number(keywords, "exclusiveMaximum", pointer) {
            bounds.append((limit, false, true))
        }
        for (limit, isLower, exclusive) in bounds {
            let word = isLower ? (exclusive ? "greater than" : "at least") : (exclusive ? "less than" : "at most")
            node.checks.append { instance, path, violations in
                guard let value = instance.numericValue else { return }
                let ok =
                    isLower
                    ? (exclusive ? value > limit : value >= limit) : (exclusive ? value < limit : value <= limit)
                if !ok { violations.append(.init(path: path, message: "must be \(word) \(Self.format(limit))")) }
            }
        }
        if let divisor = try number(keywords, "multipleOf", pointer) {
            guard divisor > 0 else { throw fail(pointer + "/multipleOf", "multipleOf must be greater than 0") }
            node.checks.append { instance, path, violations in
                guard let value = instance.numericValue else { return }
                if case .integer(let integer) = instance, case .integer(let step)? = keywords["multipleOf"] {
                    if integer % step != 0 {
                        violations.append(.init(path: path, message: "must be a multiple of \(step)"))
                    }
                    return
                }
                let quotient = value / divisor
                if !quotient.isFinite || abs(quotient - quotient.rounded()) > 1e-9 * max(1, abs(quotient)) {
                    violations.append(.init(path: path, message: "must be a multiple of \(Self.format(divisor))"))
                }
            }
        }
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    // MARK: Strings

    private func count(_ keywords: [String: JSONValue], _ key: String, _ pointer: String) throws(SchemaCompileError)
        -> Int?
    {
        guard let value = keywords[key] else { return nil }
        guard value.isInteger, let number = value.numericValue, number >= 0 else {
            throw fail(pointer + "/" + key, "\(key) must be a non-negative integer")
        }
        return Int(number)
    }

    private func compileString(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        try compileSizeBounds(keywords, "minLength", "maxLength", noun: "characters", at: pointer, into: node) {
            if case .string(let text) = $0 { text.unicodeScalars.count } else { nil }
        }
        if let pattern = keywords["pattern"] {
            guard let source = pattern.stringValue, let regex = try? NSRegularExpression(pattern: source) else {
                throw fail(pointer + "/pattern", "pattern is not a valid regular expression")
            }
            let box = RegexBox(regex: regex)
            node.checks.append { instance, path, violations in
                guard case .string(let text) = instance, !box.matches(text) else { return }
                violations.append(.init(path: path, message: "must match the pattern \(source)"))
            }
        }
    }

    // MARK: Arrays

    private mutating func compileArray(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        var tuple: [SchemaNode] = []
        var tupleKey = ""
        if case .array(let schemas)? = keywords["prefixItems"] {
            tupleKey = "prefixItems"
            for index in schemas.indices { tuple.append(try self.node(at: "\(pointer)/prefixItems/\(index)")) }
        } else if case .array(let schemas)? = keywords["items"] {
            tupleKey = "items"
            for index in schemas.indices { tuple.append(try self.node(at: "\(pointer)/items/\(index)")) }
        }
        // The schema for items after the tuple (or for all items without one).
        var rest: SchemaNode?
        if tupleKey == "items" {
            if keywords["additionalItems"] != nil { rest = try self.node(at: pointer + "/additionalItems") }
        } else if let items = keywords["items"],
            items.objectValue != nil || items == .bool(true) || items == .bool(false)
        {
            rest = try self.node(at: pointer + "/items")
        }
        if !tuple.isEmpty || rest != nil {
            let prefix = tuple
            node.checks.append { [unowned(unsafe) rest] instance, path, violations in
                guard case .array(let items) = instance else { return }
                for (index, item) in items.enumerated() {
                    let schema = index < prefix.count ? prefix[index] : rest
                    schema?.validate(item, at: "\(path)/\(index)", into: &violations)
                }
            }
        }
        if keywords["contains"] != nil {
            let target = try self.node(at: pointer + "/contains")
            node.checks.append { [unowned target] instance, path, violations in
                guard case .array(let items) = instance else { return }
                if !items.enumerated().contains(where: { target.isValid($1, at: "\(path)/\($0)") }) {
                    violations.append(.init(path: path, message: "must contain a matching item"))
                }
            }
        }
        try compileSizeBounds(keywords, "minItems", "maxItems", noun: "items", at: pointer, into: node) {
            if case .array(let items) = $0 { items.count } else { nil }
        }
        if keywords["uniqueItems"] == .bool(true) {
            node.checks.append { instance, path, violations in
                guard case .array(let items) = instance else { return }
                for i in items.indices {
                    for j in items.indices where j > i && items[i].schemaEquals(items[j]) {
                        violations.append(
                            .init(path: path, message: "items \(i) and \(j) are equal; items must be unique"))
                        return
                    }
                }
            }
        }
    }

    // MARK: Objects

    private mutating func compileObject(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        var properties: [String: SchemaNode] = [:]
        if let declared = keywords["properties"] {
            guard let members = declared.objectValue else { throw fail(pointer + "/properties", "must be an object") }
            for key in members.keys {
                properties[key] = try self.node(at: "\(pointer)/properties/\(JSONPointer.escape(key))")
            }
        }
        var patterns: [(RegexBox, SchemaNode)] = []
        if let declared = keywords["patternProperties"] {
            guard let members = declared.objectValue else {
                throw fail(pointer + "/patternProperties", "must be an object")
            }
            for key in members.keys {
                guard let regex = try? NSRegularExpression(pattern: key) else {
                    throw fail(pointer + "/patternProperties", "\(key) is not a valid regular expression")
                }
                patterns.append(
                    (
                        RegexBox(regex: regex),
                        try self.node(at: "\(pointer)/patternProperties/\(JSONPointer.escape(key))")
                    ))
            }
        }
        var additional: SchemaNode?
        if keywords["additionalProperties"] != nil { additional = try self.node(at: pointer + "/additionalProperties") }
        if !properties.isEmpty || !patterns.isEmpty || additional != nil {
            let declared = properties, matchers = patterns
            node.checks.append { [unowned(unsafe) additional] instance, path, violations in
                guard case .object(let members) = instance else { return }
                for key in members.keys.sorted() {
                    let value = members[key]!
                    let childPath = "\(path)/\(JSONPointer.escape(key))"
                    var matched = false
                    if let schema = declared[key] {
                        matched = true
                        schema.validate(value, at: childPath, into: &violations)
                    }
                    for (regex, schema) in matchers where regex.matches(key) {
                        matched = true
                        schema.validate(value, at: childPath, into: &violations)
                    }
                    if !matched, let additional {
                        if additional.rejectsAll {
                            violations.append(.init(path: childPath, message: "is not an allowed property"))
                        } else {
                            additional.validate(value, at: childPath, into: &violations)
                        }
                    }
                }
            }
        }
        if let required = keywords["required"] {
            guard case .array(let names) = required else { throw fail(pointer + "/required", "must be an array") }
            let keys = names.compactMap(\.stringValue)
            node.checks.append { instance, path, violations in
                guard case .object(let members) = instance else { return }
                for key in keys where members[key] == nil {
                    violations.append(.init(path: "\(path)/\(JSONPointer.escape(key))", message: "is required"))
                }
            }
        }
        if keywords["propertyNames"] != nil {
            let names = try self.node(at: pointer + "/propertyNames")
            node.checks.append { [unowned names] instance, path, violations in
                guard case .object(let members) = instance else { return }
                for key in members.keys.sorted() where !names.isValid(.string(key)) {
                    violations.append(
                        .init(path: "\(path)/\(JSONPointer.escape(key))", message: "is not an allowed property name"))
                }
            }
        }
        try compileSizeBounds(keywords, "minProperties", "maxProperties", noun: "properties", at: pointer, into: node) {
            if case .object(let members) = $0 { members.count } else { nil }
        }
    }

    /// `minX`/`maxX` keywords bounding a size (`size` is nil for values they do not apply to).
    private func compileSizeBounds(
        _ keywords: [String: JSONValue], _ minKey: String, _ maxKey: String, noun: String, at pointer: String,
        into node: SchemaNode, size: @escaping (JSONValue) -> Int?
    ) throws(SchemaCompileError) {
        for (key, isMinimum) in [(minKey, true), (maxKey, false)] {
            guard let limit = try count(keywords, key, pointer) else { continue }
            let message = "must have \(isMinimum ? "at least" : "at most") \(limit) \(noun)"
            node.checks.append { instance, path, violations in
                guard let size = size(instance), isMinimum ? size < limit : size > limit else { return }
                violations.append(.init(path: path, message: message))
            }
        }
    }

    // MARK: Combinators

    private mutating func nodes(_ keywords: [String: JSONValue], _ key: String, _ pointer: String)
        throws(SchemaCompileError) -> [SchemaNode]?
    {
        guard let value = keywords[key] else { return nil }
        guard case .array(let schemas) = value, !schemas.isEmpty else {
            throw fail(pointer + "/" + key, "\(key) must be a non-empty array")
        }
        var result: [SchemaNode] = []
        for index in schemas.indices { result.append(try self.node(at: "\(pointer)/\(key)/\(index)")) }
        return result
    }

    private mutating func compileCombinators(_ keywords: [String: JSONValue], at pointer: String, into node: SchemaNode)
        throws(SchemaCompileError)
    {
        if let all = try nodes(keywords, "allOf", pointer) {
            node.checks.append { instance, path, violations in
                for schema in all { schema.validate(instance, at: path, into: &violations) }
            }
        }
        if let any = try nodes(keywords, "anyOf", pointer) {
            node.checks.append { instance, path, violations in
                if !any.contains(where: { $0.isValid(instance, at: path) }) {
                    violations.append(
                        .init(path: path, message: "must match at least one of the allowed schemas (anyOf)"))
                }
            }
        }
        if let one = try nodes(keywords, "oneOf", pointer) {
            node.checks.append { instance, path, violations in
                let matches = one.filter { $0.isValid(instance, at: path) }.count
                if matches != 1 {
                    violations.append(
                        .init(
                            path: path,
                            message: "must match exactly one of the allowed schemas (oneOf), matched \(matches)"))
                }
            }
        }
        if keywords["not"] != nil {
            let negated = try self.node(at: pointer + "/not")
            node.checks.append { [unowned negated] instance, path, violations in
                if negated.isValid(instance, at: path) {
                    violations.append(.init(path: path, message: "must not match the schema in not"))
                }
            }
        }
        if keywords["if"] != nil {
            let condition = try self.node(at: pointer + "/if")
            var then: SchemaNode?, otherwise: SchemaNode?
            if keywords["then"] != nil { then = try self.node(at: pointer + "/then") }
            if keywords["else"] != nil { otherwise = try self.node(at: pointer + "/else") }
            node.checks.append {
                [unowned condition, unowned(unsafe) then, unowned(unsafe) otherwise] instance, path, violations in
                let branch = condition.isValid(instance, at: path) ? then : otherwise
                branch?.validate(instance, at: path, into: &violations)
            }
        }
    }
}

/// An NSRegularExpression used from any thread (matching does not mutate it).
struct RegexBox: @unchecked Sendable {
    let regex: NSRegularExpression

    func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
