import JSONCore
import JSONSchema
import Logging
import Testing

@testable import MCPCore

/// A tool with an output schema: its structured content goes to a client that was given the
/// schema (2025-06-18 and later) only when it conforms; otherwise the answer goes as text only,
/// as an error result, which clients do not check against the schema.
@Suite struct StructuredContentCheckTests {
    static let schema: JSONValue = [
        "type": "object", "properties": ["id": ["type": "integer"], "name": ["type": "string"]], "required": ["id"],
    ]
    static let validator = try! JSONSchemaValidator(schema: schema)
    static let logger = Logger(label: "test")

    static func tool(outputSchema: JSONValue? = schema) -> Tool {
        Tool(
            name: "ACME_GET_THING", integration: "acme", inputSchema: ["type": "object", "properties": [:]],
            outputSchema: outputSchema, providerName: "openapi")
    }

    /// The answer to a provider's `result` for a client of `version`, as a JSON object.
    static func answer(
        _ result: String, version: String, tool: Tool = tool(), output: JSONSchemaValidator? = validator
    ) throws -> [String: JSONValue] {
        let made = ToolCallResponse.make(
            .outcome(tool, .result(Array(result.utf8)), output: output), version: version, logger: logger,
            requestID: "r")
        switch made {
        case .success(.serialized(let bytes)): return try #require(try JSONValue.parse(bytes).objectValue)
        case .success(.value(let value)): return try #require(value.objectValue)
        case .failure(let error): throw error
        }
    }

    @Test func conformingStructuredContentIsKept() {
        let result: [String: JSONValue] = ["content": [], "structuredContent": ["id": 7, "name": "a"]]
        #expect(StructuredContentCheck.of(result, validator: Self.validator) == .keep)
    }

    @Test func missingOrNonconformingStructuredContentIsDropped() {
        let wrong: [String: JSONValue] = ["content": [], "structuredContent": ["id": "seven"]]
        guard case .drop(let reasons) = StructuredContentCheck.of(wrong, validator: Self.validator) else {
            Issue.record("kept")
            return
        }
        #expect(reasons.contains { $0.hasPrefix("/id:") }, "\(reasons)")
        let missing: [String: JSONValue] = ["content": [["type": "text", "text": "[1,2]"]]]
        #expect(
            StructuredContentCheck.of(missing, validator: Self.validator)
                == .drop(reasons: ["the answer is not a JSON object"]))
    }

    @Test func errorResultsAreNotChecked() {
        let error: [String: JSONValue] = ["content": [["type": "text", "text": "{}"]], "isError": true]
        #expect(StructuredContentCheck.of(error, validator: Self.validator) == .keep)
    }

    @Test func aDroppedResultKeepsItsTextAndSaysWhy() {
        let text: JSONValue = ["type": "text", "text": #"{"id":"seven"}"#]
        let result: [String: JSONValue] = ["content": [text], "structuredContent": ["id": "seven"]]
        let reasons = ["/id: a", "/b: b", "/c: c", "/d: d"]
        let out = StructuredContentCheck.textOnly(result, reasons: reasons)
        #expect(out["structuredContent"] == nil)
        #expect(out["isError"] == true)
        let content = out["content"]?.arrayValue ?? []
        #expect(content.first == text)
        let note = content.last?["text"]?.stringValue ?? ""
        #expect(note.contains("/id: a; /b: b; /c: c; and 1 more"), "\(note)")
        #expect(note.hasPrefix("The tool ran"))
    }

    @Test func aConformingResultPassesAsItsBytes() throws {
        let bytes = #"{"content":[{"type":"text","text":"{\"id\":7}"}],"structuredContent":{"id":7}}"#
        let answer = try Self.answer(bytes, version: "2025-06-18")
        #expect(answer["structuredContent"] == ["id": 7])
        #expect(answer["isError"] == nil)
    }

    @Test func aNonconformingResultGoesAsTextOnlyFrom20250618() throws {
        let bytes = #"{"content":[{"type":"text","text":"{\"id\":\"x\"}"}],"structuredContent":{"id":"x"}}"#
        let current = try Self.answer(bytes, version: "2025-06-18")
        #expect(current["structuredContent"] == nil)
        #expect(current["isError"] == true)
        #expect(current["content"]?[0]?["text"] == #"{"id":"x"}"#)
        // An answer that is not an object (an array) has no structured content at all.
        let array = try Self.answer(#"{"content":[{"type":"text","text":"[1]"}]}"#, version: "2025-11-25")
        #expect(array["isError"] == true)
        // A client before 2025-06-18 was given no output schema: the result is as before.
        let older = try Self.answer(bytes, version: "2025-03-26")
        #expect(older["structuredContent"] == nil && older["isError"] == nil)
        #expect(older["content"]?.arrayValue?.count == 1)
    }

    @Test func aToolWithoutAnOutputSchemaKeepsItsStructuredContent() throws {
        let bytes = #"{"content":[{"type":"text","text":"{\"id\":\"x\"}"}],"structuredContent":{"id":"x"}}"#
        let answer = try Self.answer(bytes, version: "2025-06-18", tool: Self.tool(outputSchema: nil), output: nil)
        #expect(answer["structuredContent"] == ["id": "x"])
        #expect(answer["isError"] == nil)
    }

    @Test func outputSchemasAreCompiledOncePerSnapshotTool() throws {
        let cache = SchemaCache(logger: Self.logger)
        #expect(cache.outputValidator(for: Self.tool(outputSchema: nil)) == nil)
        let validator = try #require(cache.outputValidator(for: Self.tool()))
        #expect(cache.outputValidator(for: Self.tool()) === validator)
    }

    @Test func aListedOutputSchemaMustBeAnObjectSchema() {
        func decoded(_ outputSchema: JSONValue) -> Result<Tool, ToolListProblem> {
            Tool.decode(
                ["name": "T", "integration": "x", "inputSchema": ["type": "object"], "outputSchema": outputSchema],
                provider: "p")
        }
        if case .failure(let problem) = decoded(["type": "array"]) {
            #expect(problem.reason == #"tool T: its outputSchema is not an object schema (type "array")"#)
        } else {
            Issue.record("an array output schema was kept")
        }
        #expect((try? decoded(["type": "object"]).get())?.outputSchema == ["type": "object"])
        #expect((try? decoded(.null).get())?.outputSchema == nil)
    }
}
