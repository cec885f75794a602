import ProviderKit

/// Swagger 2.0 responses in OpenAPI 3.0's shape, which the output schema reads
/// (``SuccessResponse``). OAS 3.0.0's changes from 2.0: a Response Object's `schema` moves
/// under `content`, once per media type the operation `produces` (else the document's
/// `produces`; neither: `application/json`, what 2.0 APIs answer in practice).
extension Swagger2Converter {
    /// The operation's `responses` converted; a `$ref` into the document's top-level
    /// `responses` (`#/responses/NotFound`), which 3.0 moved, is followed. A response keeps its
    /// `description` and `x-` members; `headers` and `examples` (2.0 shapes) are not needed.
    static func responses(_ value: JSONValue?, produces: [String], document: JSONValue) -> JSONValue? {
        guard case .object(let responses)? = value else { return value }
        let types = produces.isEmpty ? ["application/json"] : produces
        var converted: [String: JSONValue] = [:]
        for (status, raw) in responses {
            let response = raw["$ref"]?.stringValue.flatMap { DocumentPointer.resolve($0, in: document) } ?? raw
            guard case .object(let object) = response, response["$ref"] == nil else {
                converted[status] = raw  // the reader reports what it cannot follow
                continue
            }
            var result: [String: JSONValue] = [:]
            for (key, member) in object where key == "description" || key.hasPrefix("x-") { result[key] = member }
            if let schema = object["schema"] {
                let media = JSONValue.object(["schema": Self.schema(schema)])
                result["content"] = .object(
                    Dictionary(types.map { ($0, media) }, uniquingKeysWith: { first, _ in first }))
            }
            converted[status] = .object(result)
        }
        return .object(converted)
    }
}
