import Foundation
import JSONCore
import JSONSchema
import Testing

/// The validator against the official JSON-Schema-Test-Suite (draft 7 and 2020-12), for the
/// keywords it implements. The files used are copied into Suite/ with the suite's license.
@Suite struct SchemaSuiteTests {
    static let suite: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Suite"
    }()

    static let draft7Files = [
        "type", "properties", "required", "additionalProperties", "patternProperties", "items", "additionalItems",
        "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
        "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "anyOf",
        "oneOf", "allOf", "not", "if-then-else", "ref", "boolean_schema", "contains", "propertyNames",
    ]
    static let draft2020Files = [
        "type", "properties", "required", "additionalProperties", "patternProperties", "items", "prefixItems", "enum",
        "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "anyOf", "oneOf", "allOf",
        "not", "if-then-else", "ref", "boolean_schema",
    ]

    // Deliberately not run: definitions.json and defs.json validate schemas against the remote
    // metaschema ($ref to json-schema.org), which tool schemas never do; format.json (format
    // is an annotation here); unevaluated*, dependent*, anchor, dynamicRef, refRemote,
    // vocabulary, content, infinite-loop-detection (uses $id) — keywords tool schemas do not use.

    /// Keywords outside what the validator implements (not used by ActionKit or OpenAPI tool
    /// schemas): a case whose schema uses one is skipped, and counted.
    static let unsupported: Set<String> = [
        "$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "unevaluatedProperties",
        "unevaluatedItems", "dependentSchemas", "dependentRequired", "dependencies", "minContains", "maxContains",
        "$vocabulary", "contentMediaType", "contentEncoding",
    ]

    /// Why a case is skipped, or nil to run it.
    static func skipReason(_ schema: JSONValue) -> String? {
        switch schema {
        case .object(let members):
            for (key, value) in members {
                if unsupported.contains(key) { return "uses \(key)" }
                if key == "$ref", let target = value.stringValue, !target.hasPrefix("#") {
                    return "remote or id-based $ref \(target)"
                }
                if key == "$ref", let target = value.stringValue, target.hasPrefix("#"), !target.hasPrefix("#/"),
                    target != "#"
                {
                    return "anchor $ref \(target)"
                }
                if let reason = skipReason(value) { return reason }
            }
        case .array(let items):
            for item in items { if let reason = skipReason(item) { return reason } }
        default:
            break
        }
        return nil
    }

    @Test(arguments: draft7Files.map { ("draft7", $0) } + draft2020Files.map { ("draft2020-12", $0) })
    func officialSuite(draft: String, file: String) throws {
        let path = "\(Self.suite)/\(draft)/\(file).json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard case .array(let cases) = try JSONValue.parse(Array(data)) else {
            Issue.record("\(path) is not a list of cases")
            return
        }
        var run = 0
        for testCase in cases {
            let description = testCase["description"]?.stringValue ?? "?"
            guard let schema = testCase["schema"], case .array(let tests)? = testCase["tests"] else { continue }
            if Self.skipReason(schema) != nil { continue }
            let validator: JSONSchemaValidator
            do {
                validator = try JSONSchemaValidator(schema: schema, draft: draft == "draft7" ? .draft7 : .draft2020_12)
            } catch {
                Issue.record("\(draft)/\(file): \(description): did not compile: \(error)")
                continue
            }
            for test in tests {
                guard let data = test["data"], case .bool(let valid)? = test["valid"] else { continue }
                run += 1
                let violations = validator.validate(data)
                #expect(
                    violations.isEmpty == valid,
                    "\(draft)/\(file): \(description): \(test["description"]?.stringValue ?? ""): \(violations)")
            }
        }
        #expect(run > 0, "\(draft)/\(file): no case ran")
    }

    @Test func violationsNameTheirJSONPath() throws {
        let validator = try JSONSchemaValidator(schema: [
            "type": "object", "required": ["channel"],
            "properties": [
                "text": ["type": "string", "maxLength": 3],
                "blocks": ["type": "array", "items": ["type": "object", "required": ["type"]]],
            ],
            "additionalProperties": false,
        ])
        let violations = validator.validate([
            "text": "toolong", "blocks": [["type": "x"], ["nope": 1]], "extra/key": true,
        ])
        #expect(violations.map(\.path).sorted() == ["/blocks/1/type", "/channel", "/extra~1key", "/text"])
    }

    @Test func openAPINullableAndRecursiveRefs() throws {
        let validator = try JSONSchemaValidator(schema: [
            "definitions": [
                "node": [
                    "type": "object",
                    "properties": [
                        "child": ["$ref": "#/definitions/node"],
                        "name": ["type": "string", "nullable": true],
                    ],
                ]
            ],
            "$ref": "#/definitions/node",
        ])
        #expect(validator.isValid(["name": nil, "child": ["child": ["name": "x"]]]))
        #expect(!validator.isValid(["child": ["child": ["name": 3]]]))
        #expect(validator.validate(["child": ["child": ["name": 3]]]).map(\.path) == ["/child/child/name"])
    }

    @Test func schemasThatCannotCompileSayWhere() {
        #expect(throws: SchemaCompileError.self) { try JSONSchemaValidator(schema: ["$ref": "#/missing"]) }
        #expect(throws: SchemaCompileError.self) { try JSONSchemaValidator(schema: ["pattern": "(unclosed"]) }
        #expect(throws: SchemaCompileError.self) { try JSONSchemaValidator(schema: ["$ref": "other.json#/x"]) }
    }
}
