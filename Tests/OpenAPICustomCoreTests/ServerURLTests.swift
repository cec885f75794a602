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

    @Test func usptoFromTheOpenAPIExamples() throws {
        let (spec, diagnostics) = try Fixture.real("oai/v3.0_uspto.yaml", as: "uspto")
        #expect(diagnostics.contains { $0.message.contains("scheme=https") })
        for tool in spec.tools {
            #expect(tool.serverURL == "https://developer.uspto.gov/ds-api", "\(tool.name)")
        }
    }
}
