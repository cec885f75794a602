import Foundation
import JSONSchema
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// `output_schema: true`: an operation's success response schema, when it describes an object,
/// becomes its tool's output schema (MCP 2025-06-18 output schemas are objects).
@Suite struct OutputSchemaTests {
    static func operation(_ spec: SpecFile, path: String, method: String = "get") -> OperationTool? {
        spec.tools.first { $0.origin.operation.path == path && $0.origin.operation.method == method }
    }

    /// A document of one `GET /thing` operation with `responses`.
    static func thing(_ responses: JSONValue, components: JSONValue = [:]) -> (SpecFile, [Diagnostic]) {
        let (spec, diagnostics) = Fixture.spec(
            Fixture.document(
                ["/thing": ["get": ["summary": "Get thing", "responses": responses]]], components: components),
            outputSchemas: true)
        return (spec, diagnostics)
    }

    static func json(_ schema: JSONValue) -> JSONValue { ["content": ["application/json": ["schema": schema]]] }
    static let object: JSONValue = ["type": "object", "properties": ["id": ["type": "integer"]], "required": ["id"]]

    @Test func offByDefault() throws {
        let (spec, _) = try Fixture.real("oai/v3.0_petstore.yaml", as: "petstore")
        #expect(spec.tools.allSatisfy { $0.outputSchema == nil && $0.descriptor.outputSchema == nil })
    }

    @Test func anObjectResponseOfARealDocumentIsTheOutputSchema() throws {
        let (spec, diagnostics) = try Fixture.real("oai/v3.0_petstore.yaml", as: "petstore", outputSchemas: true)
        let show = try #require(Self.operation(spec, path: "/pets/{petId}"))
        let output = try #require(show.descriptor.outputSchema)
        #expect(output["type"] == "object")
        #expect(output["required"] == ["id", "name"])
        #expect(output["properties"]?["tag"] == ["type": "string"])
        let validator = try JSONSchemaValidator(schema: output)
        #expect(validator.isValid(["id": 1, "name": "Rex"]))
        #expect(!validator.isValid(["id": "1", "name": "Rex"]))
        // `Pets` is an array: no output schema, and a note says why; `POST /pets` answers 201
        // without content.
        #expect(Self.operation(spec, path: "/pets")?.outputSchema == nil)
        #expect(
            diagnostics.contains {
                $0.severity == .note && $0.path == "/paths/~1pets/get/responses/200/content/application~1json/schema"
                    && $0.message.contains("not described as an object")
            }, "\(diagnostics)")
        #expect(Self.operation(spec, path: "/pets", method: "post")?.outputSchema == nil)
    }

    @Test func responseReferencesAndAllOfObjectsAreFollowed() throws {
        // Spotify: `$ref: '#/components/responses/OneAlbum'`, whose schema is an `allOf`.
        let (spec, _) = try Fixture.real("spotify-fixed.yml", as: "custom.spotify", outputSchemas: true)
        let album = try #require(Self.operation(spec, path: "/albums/{id}")?.outputSchema)
        #expect(album["type"] == "object")
        #expect(album["allOf"]?.arrayValue?.isEmpty == false)
        #expect(!String(decoding: album.encoded(), as: UTF8.self).contains("$ref"))
    }

    @Test func swagger2ResponsesGiveOutputSchemas() throws {
        // Uber (2.0): `/me` answers a Profile, an object by its properties (no `type`);
        // `/products` an array.
        let (uber, _) = try Fixture.real("oai/v2.0_json_uber.json", as: "uber", outputSchemas: true)
        let profile = try #require(Self.operation(uber, path: "/me")?.outputSchema)
        #expect(profile["type"] == "object")
        #expect(profile["properties"]?["email"]?["type"] == "string")
        #expect(Self.operation(uber, path: "/products")?.outputSchema == nil)
        // Slack (2.0): its methods' answers are open objects.
        let (slack, _) = try Fixture.real("slack_web_openapi_v2.json", as: "slack", outputSchemas: true)
        #expect(slack.tools.filter { $0.outputSchema != nil }.count > 100)
    }

    @Test func everyOutputSchemaOfTheRealDocumentsIsAnObjectSchemaThatCompiles() throws {
        for (file, integration, _) in RealDocumentsTests.documents {
            let (spec, diagnostics) = try Fixture.real(file, as: integration, outputSchemas: true)
            #expect(!diagnostics.contains { $0.severity == .error }, "\(file)")
            for tool in spec.tools {
                guard let output = tool.outputSchema else { continue }
                #expect(output["type"] == "object", "\(file) \(tool.name)")
                #expect(throws: Never.self, "\(file) \(tool.name)") { _ = try JSONSchemaValidator(schema: output) }
            }
        }
    }

    @Test func twoHundredComesFirstThenTwoHundredOneThenOtherSuccessesThenTheRange() throws {
        let other: JSONValue = ["type": "object", "properties": ["other": ["type": "string"]]]
        func chosen(_ responses: JSONValue) -> JSONValue? { Self.thing(responses).0.tools.first?.outputSchema }
        #expect(
            chosen(["202": Self.json(other), "200": Self.json(Self.object), "201": Self.json(other)]) == Self.object)
        #expect(chosen(["202": Self.json(other), "201": Self.json(Self.object)]) == Self.object)
        #expect(chosen(["2XX": Self.json(other), "204": Self.json(Self.object)]) == Self.object)
        #expect(chosen(["2xx": Self.json(Self.object), "default": Self.json(other)]) == Self.object)
        // `default` covers errors too; 4xx are errors.
        #expect(chosen(["default": Self.json(Self.object), "404": Self.json(Self.object)]) == nil)
        // The first success with a JSON schema: a 200 in CSV gives way to a 201 in JSON.
        let csv: JSONValue = ["content": ["text/csv": ["schema": ["type": "string"]]]]
        #expect(chosen(["200": csv, "201": Self.json(Self.object)]) == Self.object)
        #expect(chosen(["204": ["description": "no content"]]) == nil)
    }

    @Test func applicationJSONComesBeforeOtherJSONTypes() throws {
        let other: JSONValue = ["type": "object", "properties": ["other": ["type": "string"]]]
        let both: JSONValue = [
            "200": [
                "content": [
                    "application/hal+json": ["schema": other],
                    "application/json; charset=utf-8": ["schema": Self.object],
                ]
            ]
        ]
        #expect(Self.thing(both).0.tools.first?.outputSchema == Self.object)
        let vendor: JSONValue = ["200": ["content": ["application/vnd.api+json": ["schema": Self.object]]]]
        #expect(Self.thing(vendor).0.tools.first?.outputSchema == Self.object)
    }

    @Test func onlySchemasDescribingAnObjectBecomeOutputSchemas() {
        func output(_ schema: JSONValue) -> JSONValue? { ResponseSchema.outputSchema(schema) }
        #expect(output(["type": "array", "items": ["type": "string"]]) == nil)
        #expect(output(["type": "string"]) == nil)
        #expect(output([:]) == nil, "anything at all")
        #expect(output(["type": ["object", "array"]]) == nil)
        #expect(output(["anyOf": [["type": "object"], ["type": "array"]]]) == nil)
        // Typed as an object, written as one, or a nullable object: `type: object`.
        #expect(output(["type": ["object", "null"]]) == ["type": "object"])
        #expect(output(["properties": ["a": ["type": "string"]]])?["type"] == "object")
        #expect(output(["additionalProperties": true, "description": "d"])?["type"] == "object")
        #expect(output(["allOf": [["type": "object"], ["required": ["a"]]]])?["type"] == "object")
        #expect(output(["anyOf": [["type": "object"], ["type": "null"]]])?["type"] == "object")
    }

    @Test func writeOnlyPropertiesLeaveAndReadOnlyOnesStay() {
        let (spec, _) = Self.thing([
            "200": Self.json([
                "type": "object", "required": ["id", "password"],
                "properties": [
                    "id": ["type": "integer", "readOnly": true], "password": ["type": "string", "writeOnly": true],
                ],
            ])
        ])
        let output = spec.tools.first?.outputSchema
        #expect(output?["properties"]?["password"] == nil)
        #expect(output?["properties"]?["id"] != nil)
        #expect(output?["required"] == ["id"])
    }

    @Test func nullableAndReferencesAreMappedAsInInputSchemas() {
        let (spec, _) = Self.thing(
            ["200": Self.json(["$ref": "#/components/schemas/Thing"])],
            components: [
                "schemas": [
                    "Thing": [
                        "type": "object", "nullable": true, "example": ["id": 1],
                        "properties": ["note": ["type": "string", "nullable": true]],
                    ]
                ]
            ])
        let output = spec.tools.first?.outputSchema
        #expect(output?["type"] == "object")
        #expect(output?["example"] == nil)
        #expect(output?["properties"]?["note"]?["type"] == ["string", "null"])
    }

    @Test func anUnresolvableReferenceLeavesTheToolWithoutOutputSchemaOnly() {
        let (spec, diagnostics) = Self.thing(["200": Self.json(["$ref": "#/components/schemas/Missing"])])
        #expect(spec.tools.count == 1 && spec.tools[0].outputSchema == nil)
        #expect(
            diagnostics.contains {
                $0.severity == .warning && $0.message.contains("unresolvable reference #/components/schemas/Missing")
            })
        let (missing, problems) = Self.thing(["200": ["$ref": "#/components/responses/Nowhere"]])
        #expect(missing.tools.count == 1 && missing.tools[0].outputSchema == nil)
        #expect(problems.contains { $0.message.contains("the response is an unresolvable reference") })
    }

    @Test func theOutputSchemaHasABudgetOfItsOwn() throws {
        let fanOut = try Data(contentsOf: URL(fileURLWithPath: Fixture.folder + "/synthetic/fan-out.json"))
        var document = try #require(try JSONValue.parse(Array(fanOut)).objectValue)
        // The fan-out's request schema answered by a GET too.
        let paths = try #require(document["paths"]?.objectValue)
        let (path, item) = try #require(paths.first)
        let body = try #require(item["post"]?["requestBody"]?["content"]?["application/json"]?["schema"])
        document["paths"] = .object([
            path: ["get": ["summary": "Read things", "responses": ["200": Self.json(body)]]]
        ])
        let (spec, diagnostics) = Fixture.spec(.object(document), outputSchemas: true)
        let output = try #require(spec.tools.first?.outputSchema)
        #expect(JSONSize.estimate(output) < 400 * 1024)
        #expect(String(decoding: output.encoded(), as: UTF8.self).contains("this tool's output schema would pass"))
        #expect(diagnostics.contains { $0.message.contains("the output schema would pass 256 KiB") }, "\(diagnostics)")
    }
}
