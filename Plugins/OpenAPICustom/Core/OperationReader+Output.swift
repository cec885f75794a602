import ProviderKit

/// The output schema of an operation, when the provider's `output_schema` setting is on: the
/// schema of its success response (``SuccessResponse``), inlined as input schemas are (local
/// `$ref`s, OpenAPI keywords mapped, with a budget of its own as large as the input's), when
/// it describes an object (``ResponseSchema``).
extension OperationReader {
    /// Nil, with a diagnostic saying why when the document gives a success schema, when the
    /// operation gets no output schema. Never a reason to skip the operation.
    mutating func outputSchema(_ operation: [String: JSONValue], pointer: String) -> JSONValue? {
        guard let responses = operation["responses"]?.objectValue else { return nil }
        for status in SuccessResponse.statuses(in: responses) {
            let at = DocumentPointer.join(pointer, "responses", status)
            guard let response = try? resolve(responses[status] ?? [:], at: at) else {
                warn(at, "the response is an unresolvable reference: the tool has no output schema")
                return nil
            }
            guard let content = response["content"]?.objectValue,
                let mediaType = SuccessResponse.jsonMediaType(in: content), let schema = content[mediaType]?["schema"]
            else { continue }
            let schemaPointer = DocumentPointer.join(at, "content", mediaType, "schema")
            inliner.beginOperation()
            inliner.purpose = "output"
            defer { inliner.purpose = "input" }
            let inlined = inliner.inline(schema)
            if let ref = inliner.unresolved.first {
                warn(schemaPointer, "unresolvable reference \(ref): the tool has no output schema")
                return nil
            }
            if !inliner.overBudget.isEmpty { warnOverBudget(pointer, schema: "output") }
            guard let output = ResponseSchema.outputSchema(inlined) else {
                warn(
                    schemaPointer,
                    "the \(status) response is not described as an object (MCP output schemas are objects): "
                        + "the tool has no output schema", .note)
                return nil
            }
            return output
        }
        return nil
    }
}
