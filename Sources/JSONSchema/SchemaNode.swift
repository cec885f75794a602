import JSONCore

/// A compiled (sub)schema: the checks its keywords make. Nodes are owned by their
/// ``JSONSchemaValidator``; `$ref`s point at nodes without owning them, so recursive schemas
/// form no retain cycles.
final class SchemaNode: @unchecked Sendable {
    // Filled once while compiling, read-only afterwards (hence @unchecked Sendable).
    typealias Check = (JSONValue, String, inout [SchemaViolation]) -> Void

    var checks: [Check] = []
    /// OpenAPI 3.0 `nullable: true`: null is valid whatever the other keywords say.
    var nullable = false
    /// `false` as a schema: nothing is valid.
    var rejectsAll = false

    func validate(_ instance: JSONValue, at path: String, into violations: inout [SchemaViolation]) {
        if rejectsAll {
            violations.append(SchemaViolation(path: path, message: "no value is allowed here"))
            return
        }
        if nullable, instance == .null { return }
        for check in checks { check(instance, path, &violations) }
    }

    func isValid(_ instance: JSONValue, at path: String = "") -> Bool {
        var violations: [SchemaViolation] = []
        validate(instance, at: path, into: &violations)
        return violations.isEmpty
    }
}
