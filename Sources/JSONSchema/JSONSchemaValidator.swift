import JSONCore

/// A JSON Schema compiled once, validating any number of instances. Covers the keywords
/// ActionKit and OpenAPI schemas use: type (with unions), properties, required,
/// additionalProperties, patternProperties, propertyNames, items, prefixItems,
/// additionalItems, contains, enum, const, minimum, maximum and their exclusive forms,
/// multipleOf, minLength, maxLength, pattern, minItems, maxItems, uniqueItems,
/// minProperties, maxProperties, allOf, anyOf, oneOf, not, if/then/else, OpenAPI 3.0's
/// nullable, and local `$ref` (cycles included). Other keywords (`format`, `title`, ...) are
/// annotations and are ignored.
public final class JSONSchemaValidator: Sendable {
    private let root: SchemaNode
    // Keeps every node alive; `$ref` checks hold them unowned.
    private let nodes: [SchemaNode]

    public init(schema: JSONValue, draft: SchemaDraft? = nil) throws(SchemaCompileError) {
        var compiler = SchemaCompiler(root: schema, draft: draft ?? SchemaDraft.detect(schema))
        root = try compiler.compileRoot()
        nodes = compiler.allNodes
    }

    /// Every violation, each with the JSON Pointer of the offending value.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        root.validate(instance, at: "", into: &violations)
        return violations
    }

    public func isValid(_ instance: JSONValue) -> Bool { root.isValid(instance) }
}
