import JSONCore

/// Which JSON Schema dialect a schema is read in, where drafts differ: `items` as an array
/// (draft 7's tuples, replaced by `prefixItems` in 2020-12) and keywords beside `$ref`
/// (ignored in draft 7, applied in 2020-12).
public enum SchemaDraft: Sendable {
    case draft7
    case draft2020_12

    /// From `$schema`; schemas without one (ActionKit's, OpenAPI's) read as draft 7, with
    /// `prefixItems`, `$defs` and OpenAPI 3.0's `nullable` understood too.
    public static func detect(_ schema: JSONValue) -> SchemaDraft {
        if let uri = schema["$schema"]?.stringValue, uri.contains("2020-12") || uri.contains("2019-09") {
            return .draft2020_12
        }
        return .draft7
    }
}
