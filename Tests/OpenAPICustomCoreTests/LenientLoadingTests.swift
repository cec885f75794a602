import Foundation
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// What can be understood loads; each problem is one line with file, JSON pointer and cause;
/// only the operation that cannot be understood is skipped.
@Suite struct LenientLoadingTests {
    @Test func missingButUnneededPartsAreWarnings() throws {
        let (spec, diagnostics) = Fixture.spec([
            "openapi": "3.0.0", "info": ["title": "No version"],
            "paths": ["/sobjects/Account": ["post": ["summary": "Create account"]]],
        ])
        #expect(spec.tools.map(\.name) == ["ACME_CREATE_ACCOUNT"])
        #expect(diagnostics.map(\.severity) == [.warning, .warning])
        #expect(
            diagnostics.map(\.description) == [
                "acme.json: at /info/version: `info.version` is missing (OpenAPI requires it); loaded anyway",
                "acme.json: at /paths/~1sobjects~1Account/post: the operation has no `responses` (OpenAPI 3.0 requires them); loaded anyway",
            ])
        // A version written as a number is a version, in JSON and in YAML.
        for version: JSONValue in [2, 1.5] {
            let numbered = Fixture.spec([
                "openapi": "3.0.0", "info": ["title": "t", "version": version],
                "paths": ["/a": ["get": ["summary": "A", "responses": [:]]]],
            ])
            #expect(numbered.diagnostics.isEmpty, "\(numbered.diagnostics)")
        }
        let yaml = Fixture.yaml(
            "openapi: 3.0.3\ninfo: {title: t, version: 1.0}\npaths: {/a: {get: {summary: A, responses: {}}}}")
        #expect(yaml.diagnostics.isEmpty, "\(yaml.diagnostics)")
        let noInfo = Fixture.spec(["openapi": "3.1.0", "paths": ["/a": ["get": ["summary": "A"]]]])
        #expect(noInfo.spec.tools.count == 1)
        #expect(noInfo.diagnostics.first?.path == "/info")
    }

    @Test func anOperationThatCannotBeUnderstoodIsSkippedAlone() throws {
        let (spec, diagnostics) = Fixture.spec(
            Fixture.document([
                "/good": ["get": ["summary": "Good", "responses": [:]]],
                "/bad-ref": [
                    "post": [
                        "summary": "Bad ref", "responses": [:],
                        "requestBody": [
                            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Nope"]]]
                        ],
                    ],
                    "get": ["summary": "Sibling", "responses": [:]],
                ],
                "/no-name": ["get": ["summary": "No name", "responses": [:], "parameters": [["in": "query"]]]],
                "/not-object": ["get": "oops"],
                "/external": [
                    "get": ["summary": "External", "responses": [:], "parameters": [["$ref": "other.yaml#/P"]]]
                ],
            ]))
        #expect(Set(spec.tools.map(\.name)) == ["ACME_GOOD", "ACME_SIBLING"])
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description).sorted()
        #expect(
            errors == [
                "acme.json: at /paths/~1bad-ref/post: unresolvable reference #/components/schemas/Nope: operation skipped",
                "acme.json: at /paths/~1external/get/parameters/0: unresolvable reference other.yaml#/P: operation skipped",
                "acme.json: at /paths/~1no-name/get/parameters/0: a parameter without `name`: operation skipped",
                "acme.json: at /paths/~1not-object/get: an operation must be an object: skipped",
            ])
    }

    @Test func onlyWhatIsNoDocumentIsRefusedWhole() {
        let notYAML = Fixture.yaml("openapi: 3.0.0\ninfo: {title: broken\n  version: [\n")
        #expect(notYAML.diagnostics.first?.message.hasPrefix("not valid YAML: 3:") == true, "\(notYAML.diagnostics)")
        let notJSON = SpecParser.parse(Data("{".utf8), yaml: false, integration: "a", file: "a.json")
        #expect(!notJSON.understood && notJSON.diagnostics.first?.message.hasPrefix("not valid JSON") == true)
        let v4 = SpecParser.parse(Data(#"{"openapi": "4.0.0"}"#.utf8), yaml: false, integration: "a", file: "a.json")
        #expect(!v4.understood && v4.diagnostics.first?.path == "/openapi")
        let neither = SpecParser.parse(Data(#"{"paths": {}}"#.utf8), yaml: false, integration: "a", file: "a.json")
        #expect(!neither.understood && neither.diagnostics.first?.message.contains("neither") == true)
    }

    /// YAML 1.2 scalars in a spec: an enum of yes/no/maybe loads, a date default stays a date.
    @Test func yamlScalarsStayStrings() throws {
        let (spec, diagnostics) = Fixture.yaml(
            """
            openapi: 3.0.3
            info: {title: t, version: 1.0}
            paths:
              /answers:
                get:
                  summary: Answer
                  responses: {200: {description: ok}}
                  parameters:
                    - {name: answer, in: query, schema: {type: string, enum: [yes, no, maybe]}}
                    - {name: X-GitHub-Api-Version, in: header, required: true, schema: {type: string, default: 2022-11-28}}
                    - {name: mode, in: query, schema: {type: string, default: 0755}}
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let tool = try #require(spec.tool("ACME_ANSWER"))
        let params = try #require(tool.inputSchema["properties"]?["params"]?["properties"])
        #expect(params["answer"]?["enum"] == ["yes", "no", "maybe"])
        #expect(params["mode"]?["default"] == "0755")
        let request = try RequestBuilder.build(tool, arguments: ["params": ["answer": "no"]])
        #expect(request.header("X-GitHub-Api-Version") == "2022-11-28")
        #expect(request.target == "/answers?answer=no")
    }
}
