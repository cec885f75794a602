import JSONCore
import JSONSchema

/// Whether a tool's result may go as it is to a client that was given the tool's output
/// schema. MCP 2025-06-18 (Server Features, Tools, Output Schema): "Servers MUST provide
/// structured results that conform to this schema", and clients check: the official SDKs (the
/// TypeScript `Client.callTool`, the Python `ClientSession.call_tool`) refuse a result that is
/// not an error and has no `structuredContent`, or has one that fails the schema. Neither
/// checks an error result (`isError: true`).
package enum StructuredContentCheck: Equatable, Sendable {
    /// The result may go as it is: its structured content conforms, or it is an error result.
    case keep
    /// The structured content is missing or fails the schema; each reason reads
    /// `<JSON path>: <problem>`, or says what is missing.
    case drop(reasons: [String])

    /// The verdict on a `CallToolResult` object (`content`, `structuredContent`, `isError`).
    package static func of(_ result: [String: JSONValue], validator: JSONSchemaValidator) -> StructuredContentCheck {
        if result["isError"] == .bool(true) { return .keep }
        guard let structured = result["structuredContent"], structured.objectValue != nil else {
            return .drop(reasons: ["the answer is not a JSON object"])
        }
        let violations = validator.validate(structured)
        return violations.isEmpty ? .keep : .drop(reasons: violations.map(\.description))
    }

    /// How many reasons the note names.
    static let namedReasons = 3

    /// The result that goes out instead of one that is dropped: its content as it is, then a
    /// note saying why, no `structuredContent`, and `isError: true`, so that clients do not
    /// refuse it (see the type's comment) while the agent still reads the answer. The note says
    /// the tool ran, so that the agent does not repeat a call that wrote something.
    package static func textOnly(_ result: [String: JSONValue], reasons: [String]) -> [String: JSONValue] {
        var named = reasons.prefix(namedReasons).joined(separator: "; ")
        if reasons.count > namedReasons { named += "; and \(reasons.count - namedReasons) more" }
        let note =
            "The tool ran, but its answer does not match the tool's output schema (\(named)), so it is given as "
            + "text only."
        var content = result["content"]?.arrayValue ?? []
        content.append(["type": "text", "text": .string(note)])
        return ["content": .array(content), "isError": true]
    }
}
