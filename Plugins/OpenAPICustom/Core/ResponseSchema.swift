import ProviderKit

/// A success response's schema as a tool's `outputSchema`. MCP 2025-06-18 (Tools, Output
/// Schema; schema.ts `Tool.outputSchema`) declares it `{type: "object", ...}`: structured
/// content is always a JSON object. So only a schema describing an object becomes one:
/// - `type: object`, or a type list of `object` and `null` (a 3.0 `nullable` object);
/// - no `type`, with object keywords (`properties`, `required`, `additionalProperties`, ...),
///   or an `allOf` with a member describing an object, or an `anyOf`/`oneOf` whose branches all
///   describe objects (`{type: null}` branches aside, as 3.0's `nullable` writes them).
/// Its `type` is then `object`: an answer of another type never becomes structured content
/// anyway. Arrays, strings, numbers and schemas that allow several kinds give no output schema.
///
/// Response schemas describe answers: `writeOnly` properties, which OAS 3.0.3 §4.7.24 and
/// OAS 3.1 §4.8.24 (JSON Schema Validation 2020-12 §9.4) say are not sent in responses, leave
/// them with their place in `required`; `readOnly` ones stay.
enum ResponseSchema {
    /// The output schema for an inlined response schema; nil when it does not describe an object.
    static func outputSchema(_ inlined: JSONValue) -> JSONValue? {
        guard case .object(var object) = MarkedProperties.stripping("writeOnly", from: inlined),
            describesObject(object)
        else { return nil }
        object["type"] = "object"
        return .object(object)
    }

    /// Keywords that constrain only objects: a schema with one of them and no `type` is meant
    /// for an object.
    static let objectKeywords = [
        "properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties",
        "maxProperties", "dependentRequired", "dependentSchemas",
    ]

    static func describesObject(_ object: [String: JSONValue]) -> Bool {
        switch object["type"] {
        case .string(let type)?:
            return type == "object"
        case .array(let types)?:
            return types.contains("object") && types.allSatisfy { $0 == "object" || $0 == "null" }
        case nil:
            if objectKeywords.contains(where: { object[$0] != nil }) { return true }
            if let members = object["allOf"]?.arrayValue, members.contains(where: describesObject) { return true }
            for key in ["anyOf", "oneOf"] {
                let branches = (object[key]?.arrayValue ?? []).filter { $0 != ["type": "null"] }
                if !branches.isEmpty, branches.allSatisfy(describesObject) { return true }
            }
            return false
        default:
            return false
        }
    }

    private static func describesObject(_ schema: JSONValue) -> Bool {
        schema.objectValue.map(describesObject) ?? false
    }
}
