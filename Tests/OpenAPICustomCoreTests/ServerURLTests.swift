import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Server URLs: variables filled with their defaults, relative and per-path/per-operation servers.
@Suite struct ServerURLTests {
    @Test func variablesAreFilledWithTheirDefaults() throws {
        let server: JSONValue = [
            "url": "https://{region}.api.example.com/{basePath}",
            "variables": ["region": ["default": "eu", "enum": ["eu", "us"]], "basePath": ["default": "v2"]],
        ]
        let url = try ServerURL.resolve(server).get()
        #expect(url == ServerURL(url: "https://eu.api.example.com/v2", filled: ["region=eu", "basePath=v2"]))
        #expect(
            try ServerURL.resolve(["url": "{scheme}://x.com/", "variables": ["scheme": ["enum": ["https"]]]]).get().url
                == "https://x.com")
        #expect(throws: ServerURL.Problem.noValue(variable: "region")) {
            try ServerURL.resolve(["url": "https://{region}.x.com"]).get()
        }
        #expect(throws: ServerURL.Problem.unbalanced) { try ServerURL.resolve(["url": "https://{x.com"]).get() }
    }

    @Test func aDocumentsServersReachTheRequestAndCheckSaysWhatWasFilled() throws {
        let operation: JSONValue = ["summary": "List pets", "responses": ["200": ["description": "ok"]]]
        let document = Fixture.document(
            [
                "/pets": ["get": operation],
                "/relative": ["servers": [["url": "/v1/"]], "get": ["summary": "Relative", "responses": [:]]],
                "/own": [
                    "get": [
                        "summary": "Own", "servers": [["url": "https://own.example.com"]], "responses": [:],
                    ]
                ],
            ],
            servers: [
                [
                    "url": "https://{region}.api.example.com/{basePath}",
                    "variables": ["region": ["default": "eu"], "basePath": ["default": "v2"]],
                ]
            ])
        let (spec, diagnostics) = Fixture.spec(document)
        let pets = try RequestBuilder.build(#require(spec.tool("ACME_LIST_PETS")), arguments: [:])
        #expect(pets.target == "https://eu.api.example.com/v2/pets")
        let relative = try RequestBuilder.build(#require(spec.tool("ACME_RELATIVE")), arguments: [:])
        #expect(relative.target == "/v1/relative")
        let own = try RequestBuilder.build(#require(spec.tool("ACME_OWN")), arguments: [:])
        #expect(own.target == "https://own.example.com/own")
        let filled = diagnostics.filter { $0.message.contains("server variables filled") }
        #expect(filled.count == 1)
        #expect(filled.first?.severity == .warning)
        #expect(filled.first?.path == "/servers/0")
        #expect(filled.first?.message.contains("region=eu, basePath=v2") == true)
    }

    /// A server that cannot be filled falls back to the next level out (path item, then
    /// document, then relative), saying which is used instead.
    @Test func anUnusableServerFallsBackOutward() throws {
        let tenant: JSONValue = [["url": "https://{tenant}.example.com"]]
        let document = Fixture.document(
            [
                "/a": [
                    "servers": [["url": "https://path.example.com"]],
                    "get": ["summary": "Op to path", "servers": tenant, "responses": [:]],
                ],
                "/b": ["get": ["summary": "Op to document", "servers": tenant, "responses": [:]]],
                "/c": [
                    "servers": tenant,
                    "get": ["summary": "Path to document", "responses": [:]],
                ],
            ], servers: [["url": "https://api.example.com/v1"]])
        let (spec, diagnostics) = Fixture.spec(document)
        #expect(try #require(spec.tool("ACME_OP_TO_PATH")).serverURL == "https://path.example.com")
        #expect(try #require(spec.tool("ACME_OP_TO_DOCUMENT")).serverURL == "https://api.example.com/v1")
        #expect(try #require(spec.tool("ACME_PATH_TO_DOCUMENT")).serverURL == "https://api.example.com/v1")
        let messages = Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.path, $0.message) })
        #expect(
            messages["/paths/~1a/get/servers/0"]
                == "server variable {tenant} has no default value (OAS requires `default`); the path item's server (https://path.example.com) is used instead"
        )
        #expect(
            messages["/paths/~1b/get/servers/0"]?.hasSuffix(
                "the document's server (https://api.example.com/v1) is used instead") == true)
        #expect(
            messages["/paths/~1c/servers/0"]?.hasSuffix(
                "the document's server (https://api.example.com/v1) is used instead") == true)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })

        let (relative, relativeDiagnostics) = Fixture.spec(
            Fixture.document(["/x": ["get": ["summary": "X", "servers": tenant, "responses": [:]]]]))
        #expect(try #require(relative.tool("ACME_X")).serverURL == nil)
        #expect(relativeDiagnostics.contains { $0.message.hasSuffix("relative to the integration's API base instead") })
    }

    @Test func aDefaultOutsideItsEnumIsUsedWithAWarning() throws {
        let (spec, diagnostics) = Fixture.spec(
            Fixture.document(
                ["/x": ["get": ["summary": "X", "responses": [:]]]],
                servers: [
                    [
                        "url": "https://{region}.example.com",
                        "variables": ["region": ["default": "ap", "enum": ["eu", "us"]]],
                    ]
                ]))
        #expect(try #require(spec.tool("ACME_X")).serverURL == "https://ap.example.com")
        let warning = try #require(diagnostics.first { $0.message.contains("not one of its enum") })
        #expect(warning.severity == .warning && warning.path == "/servers/0")
        #expect(
            warning.message
                == "server variable {region}: its default ap is not one of its enum (eu, us), as OAS requires; ap is used"
        )
        let fine = try ServerURL.resolve([
            "url": "https://{region}.example.com", "variables": ["region": ["default": "eu", "enum": ["eu", "us"]]],
        ]).get()
        #expect(fine.defaultsOutsideEnum.isEmpty)
    }

    @Test func usptoFromTheOpenAPIExamples() throws {
        let (spec, diagnostics) = try Fixture.real("oai/v3.0_uspto.yaml", as: "uspto")
        #expect(diagnostics.contains { $0.message.contains("scheme=https") })
        for tool in spec.tools {
            #expect(tool.serverURL == "https://developer.uspto.gov/ds-api", "\(tool.name)")
        }
    }
}
