import Foundation
import JSONSchema
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Inlining is bounded per operation: beyond the budget a reference is a permissive schema
/// that says so, a warning names the file, the operation and what was cut, and no valid input
/// is refused.
@Suite struct SchemaBudgetTests {
    /// `Fixtures/synthetic/fan-out.json`: schema L0 has five properties, each a `$ref` to L1,
    /// ... down to L8, a DAG of 2.5 KB that expands to 5^8 copies of L8 (tens of MB) when
    /// inlined without a bound. (The end-to-end test loads it too.)
    static func fanOut() throws -> (spec: SpecFile, diagnostics: [Diagnostic]) {
        try Fixture.file("synthetic/fan-out.json", as: "acme")
    }

    @Test func aFanOutOfReferencesStaysSmallAndSaysWhatWasCut() throws {
        let document = try JSONValue.parse(
            Data(contentsOf: URL(fileURLWithPath: Fixture.folder + "/synthetic/fan-out.json")))
        #expect(document.encoded().count < 3000)
        let (spec, diagnostics) = try Self.fanOut()
        let tool = try #require(spec.tool("ACME_CREATE_THING"))
        let size = tool.inputSchema.encoded().count
        #expect(size <= 300 * 1024 && size > 100 * 1024, "\(size) bytes")
        let warnings = diagnostics.filter { $0.message.contains("would pass 256 KiB") }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning && warning.file.hasSuffix("/synthetic/fan-out.json"))
        #expect(warning.path == "/paths/~1things/post")
        #expect(warning.message.contains("#/components/schemas/L"), "\(warning.message)")
        let text = String(decoding: tool.inputSchema.encoded(), as: UTF8.self)
        #expect(text.contains("not expanded: this tool's input schema would pass 256 KiB"))
        #expect(!text.contains("$ref"))
    }

    /// Valid values are accepted however deep, cut or not; what the kept part forbids is still refused.
    @Test func whatWasCutAcceptsEveryValidValue() throws {
        let (spec, _) = try Self.fanOut()
        let body = try #require(spec.tool("ACME_CREATE_THING")?.inputSchema["properties"]?["body"])
        let validator = try JSONSchemaValidator(schema: body)
        for path in [Array(repeating: "p0", count: 8), Array(repeating: "p4", count: 8), ["p4", "p0", "p3", "p1"]] {
            var value: JSONValue = ["p2": "leaf"]
            for key in path.reversed() { value = .object([key: value]) }
            #expect(validator.validate(value).isEmpty, "\(path): \(validator.validate(value))")
        }
        #expect(!validator.isValid(["p0": 5]), "L1 is an object")
        #expect(!validator.isValid(["p4": "text"]), "a cut keeps its target's type")
    }

    /// A cut accepts more than the schema it stands for; where that would refuse valid values
    /// (one of two branches, a negation), the keyword is loosened.
    @Test func cutsLoosenWhatWouldOtherwiseRefuse() throws {
        let components: JSONValue = [
            "schemas": [
                "Cat": ["type": "object", "required": ["meow"], "properties": ["meow": ["type": "boolean"]]],
                "Dog": ["type": "object", "required": ["bark"], "properties": ["bark": ["type": "boolean"]]],
                "Secret": ["type": "object", "required": ["password"]],
            ]
        ]
        let document = Fixture.document([:], components: components)
        var inliner = SchemaInliner(document: document)
        inliner.maxBytes = 0
        inliner.beginOperation()
        let pet = inliner.inline([
            "oneOf": [["$ref": "#/components/schemas/Cat"], ["$ref": "#/components/schemas/Dog"]]
        ])
        #expect(pet["oneOf"] == nil && pet["anyOf"]?.arrayValue?.count == 2, "\(pet)")
        #expect(try JSONSchemaValidator(schema: pet).isValid(["bark": true]))
        let open = inliner.inline(["type": "object", "not": ["$ref": "#/components/schemas/Secret"]])
        #expect(open == ["type": "object"], "\(open)")
        #expect(
            inliner.overBudget == [
                "#/components/schemas/Cat", "#/components/schemas/Dog", "#/components/schemas/Secret",
            ])
        inliner.beginOperation()
        #expect(inliner.overBudget.isEmpty, "each operation has its own budget and its own cuts")
    }

    /// Recursion is cut the same way: permissive, with the target's type (an array stays an array).
    @Test func recursiveCutsArePermissiveToo() throws {
        let components: JSONValue = [
            "schemas": [
                "Tree": ["type": "array", "nullable": true, "items": ["$ref": "#/components/schemas/Tree"]]
            ]
        ]
        var inliner = SchemaInliner(document: Fixture.document([:], components: components))
        inliner.beginOperation()
        let tree = inliner.inline(["$ref": "#/components/schemas/Tree"])
        let innermost = try #require(tree["items"]?["items"])
        #expect(innermost["type"] == ["array", "null"])
        #expect(innermost["description"]?.stringValue?.contains("recursive; not expanded further") == true)
        #expect(try JSONSchemaValidator(schema: tree).isValid([[[[["deep"]]]], nil]))
        #expect(inliner.overBudget.isEmpty)
    }
}

/// Tool lists encoded once read as the tools they hold.
@Suite struct EncodedToolListTests {
    @Test func anEncodedListIsTheToolsJSON() throws {
        let (spec, _) = try Fixture.real("oai/v3.0_petstore-expanded.yaml", as: "petstore")
        let (other, _) = try Fixture.real("oai/v3.0_uspto.yaml", as: "uspto")
        let lists = [
            EncodedToolList(spec.tools.map(\.descriptor)), EncodedToolList([]),
            EncodedToolList(other.tools.map(\.descriptor)),
        ]
        let expected = JSONValue.array((spec.tools + other.tools).map(\.descriptor.json))
        #expect(try JSONValue.parse(EncodedToolList.array(lists)) == expected)
        #expect(EncodedToolList.array([]) == Array("[]".utf8))
        #expect(EncodedToolList.array([EncodedToolList([])]) == Array("[]".utf8))
    }
}
