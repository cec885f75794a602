import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Swagger 2.0 converted on load: servers, body and formData parameters, definitions,
/// consumes, collectionFormat.
@Suite struct Swagger2Tests {
    static let document: JSONValue = [
        "swagger": "2.0", "info": ["title": "t", "version": "1"], "host": "api.example.com", "basePath": "/v1",
        "schemes": ["http", "https"], "consumes": ["application/json"],
        "parameters": ["limit": ["name": "limit", "in": "query", "type": "integer"]],
        "definitions": [
            "Pet": [
                "type": "object", "required": ["name"],
                "properties": ["name": ["type": "string"], "tag": ["type": "string", "x-nullable": true]],
            ]
        ],
        "paths": [
            "/pets": [
                "get": [
                    "operationId": "listPets",
                    "parameters": [
                        ["$ref": "#/parameters/limit"],
                        ["name": "tags", "in": "query", "type": "array", "items": ["type": "string"]],
                        [
                            "name": "ids", "in": "query", "type": "array", "collectionFormat": "multi",
                            "items": ["type": "integer"],
                        ],
                        [
                            "name": "codes", "in": "query", "type": "array", "collectionFormat": "pipes",
                            "items": ["type": "string"],
                        ],
                    ],
                    "responses": ["200": ["description": "ok", "schema": ["$ref": "#/definitions/Pet"]]],
                ],
                "post": [
                    "operationId": "addPet",
                    "parameters": [
                        ["name": "pet", "in": "body", "required": true, "schema": ["$ref": "#/definitions/Pet"]]
                    ],
                    "responses": ["200": ["description": "ok"]],
                ],
            ],
            "/chat.postMessage": [
                "post": [
                    "operationId": "chat_postMessage", "consumes": ["application/x-www-form-urlencoded"],
                    "parameters": [
                        ["name": "token", "in": "header", "type": "string"],
                        ["name": "channel", "in": "formData", "required": true, "type": "string"],
                        ["name": "as_user", "in": "formData", "type": "boolean"],
                    ],
                    "responses": ["200": ["description": "ok"]],
                ]
            ],
            "/files.upload": [
                "post": [
                    "operationId": "files_upload",
                    "parameters": [
                        ["name": "file", "in": "formData", "type": "file"],
                        ["name": "title", "in": "formData", "type": "string"],
                    ],
                    "responses": ["200": ["description": "ok"]],
                ]
            ],
        ],
    ]

    @Test func aSwaggerDocumentBecomesTools() throws {
        let (spec, diagnostics) = Fixture.spec(Self.document)
        #expect(diagnostics.map(\.severity) == [.warning, .note], "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("Swagger 2.0") == true)
        #expect(
            Set(spec.tools.map(\.name)) == [
                "ACME_LIST_PETS", "ACME_ADD_PET", "ACME_CHAT_POST_MESSAGE", "ACME_FILES_UPLOAD",
            ])
        let list = try #require(spec.tool("ACME_LIST_PETS"))
        let request = try RequestBuilder.build(
            list, arguments: ["params": ["limit": 5, "tags": ["a", "b"], "ids": [1, 2], "codes": ["x", "y"]]])
        #expect(request.target == "https://api.example.com/v1/pets?limit=5&tags=a,b&ids=1&ids=2&codes=x%7Cy")

        let add = try #require(spec.tool("ACME_ADD_PET"))
        #expect(add.body == .json(mediaType: "application/json"))
        let body = try #require(add.inputSchema["properties"]?["body"])
        #expect(body["required"] == ["name"])
        #expect(body["properties"]?["tag"]?["type"] == ["string", "null"])
        #expect(add.inputSchema["required"] == ["body"])

        let post = try #require(spec.tool("ACME_CHAT_POST_MESSAGE"))
        #expect(post.body == .form(encodings: [:]))
        let message = try RequestBuilder.build(post, arguments: ["body": ["channel": "C1", "as_user": true]])
        #expect(message.text == "as_user=true&channel=C1")
        #expect(message.header("Content-Type") == "application/x-www-form-urlencoded")

        let upload = try #require(spec.tool("ACME_FILES_UPLOAD"))
        #expect(upload.body == .multipart(encodings: [:]))
        #expect(upload.inputSchema["properties"]?["body"]?["properties"]?["file"] == nil)
    }

    @Test func theOpenAPIExamplesIn2Point0() throws {
        let (petstore, _) = try Fixture.real("oai/v2.0_yaml_petstore.yaml", as: "petstore")
        #expect(petstore.tools.count == 3)
        #expect(petstore.tools.allSatisfy { $0.serverURL == "http://petstore.swagger.io/v1" })
        let (uber, diagnostics) = try Fixture.real("oai/v2.0_json_uber.json", as: "uber")
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(uber.tools.count == 5)
        #expect(uber.tools.allSatisfy { $0.serverURL == "https://api.uber.com/v1" })
    }

    /// `collectionFormat` of form fields becomes their encoding: `csv` (the default) sends
    /// `ids=a,b`, not `ids=a&ids=b`.
    @Test func formArraysFollowTheirCollectionFormat() throws {
        func field(_ name: String, _ format: String?) -> JSONValue {
            var field: [String: JSONValue] = [
                "name": .string(name), "in": "formData", "type": "array", "items": ["type": "string"],
            ]
            if let format { field["collectionFormat"] = .string(format) }
            return .object(field)
        }
        let fields = [
            field("plain", nil), field("csv", "csv"), field("ssv", "ssv"), field("tsv", "tsv"), field("pipes", "pipes"),
            field("multi", "multi"),
        ]
        let document: JSONValue = [
            "swagger": "2.0", "info": ["title": "t", "version": "1"], "host": "api.example.com",
            "paths": [
                "/form": [
                    "post": [
                        "operationId": "form", "consumes": ["application/x-www-form-urlencoded"],
                        "parameters": .array(fields), "responses": ["200": ["description": "ok"]],
                    ]
                ],
                "/multipart": [
                    "post": [
                        "operationId": "multipart", "consumes": ["multipart/form-data"],
                        "parameters": .array(fields), "responses": ["200": ["description": "ok"]],
                    ]
                ],
            ],
        ]
        let (spec, diagnostics) = Fixture.spec(document)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        let values: JSONValue = [
            "plain": ["a", "b"], "csv": ["a", "b"], "ssv": ["a", "b"], "tsv": ["a", "b"], "pipes": ["a", "b"],
            "multi": ["a", "b"],
        ]
        let form = try RequestBuilder.build(#require(spec.tool("ACME_FORM")), arguments: ["body": values])
        #expect(
            form.text == "csv=a,b&multi=a&multi=b&pipes=a%7Cb&plain=a,b&ssv=a%20b&tsv=a%09b", "\(form.text)")
        let multipart = try RequestBuilder.build(
            #require(spec.tool("ACME_MULTIPART")), arguments: ["body": values], boundary: "B")
        func parts(_ name: String) -> [String] {
            multipart.text.components(separatedBy: "--B").compactMap { part in
                guard part.contains("name=\"\(name)\"") else { return nil }
                return part.components(separatedBy: "\r\n\r\n").last?.replacingOccurrences(of: "\r\n", with: "")
            }
        }
        #expect(parts("plain") == ["a,b"] && parts("csv") == ["a,b"])
        #expect(parts("ssv") == ["a b"] && parts("tsv") == ["a\tb"] && parts("pipes") == ["a|b"])
        #expect(parts("multi") == ["a", "b"])
    }

    /// 2.0's security definitions in 3.0's shape, so the credentials rule sees them: with
    /// `basic` (now `http`) or `oauth2`, `token` and `access_token` parameters are Paragon's.
    @Test func securityDefinitionsBecomeSecuritySchemes() throws {
        #expect(Swagger2Converter.securityScheme(["type": "basic"]) == ["type": "http", "scheme": "basic"])
        #expect(
            Swagger2Converter.securityScheme([
                "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://x/auth",
                "tokenUrl": "https://x/token", "scopes": ["read": "Read"],
            ])
                == [
                    "type": "oauth2",
                    "flows": [
                        "authorizationCode": [
                            "authorizationUrl": "https://x/auth", "tokenUrl": "https://x/token",
                            "scopes": ["read": "Read"],
                        ]
                    ],
                ])
        #expect(
            Swagger2Converter.securityScheme(["type": "oauth2", "flow": "application", "tokenUrl": "https://x/t"])
                == ["type": "oauth2", "flows": ["clientCredentials": ["tokenUrl": "https://x/t", "scopes": [:]]]])
        let apiKey: JSONValue = ["type": "apiKey", "name": "X-Key", "in": "header"]
        #expect(Swagger2Converter.securityScheme(apiKey) == apiKey)
        for definition: JSONValue in [
            ["type": "basic"], ["type": "oauth2", "flow": "implicit", "authorizationUrl": "https://x"],
        ] {
            let document: JSONValue = [
                "swagger": "2.0", "info": ["title": "t", "version": "1"], "host": "api.example.com",
                "securityDefinitions": ["auth": definition],
                "paths": [
                    "/me": [
                        "get": [
                            "operationId": "me", "responses": ["200": ["description": "ok"]],
                            "parameters": [
                                ["name": "token", "in": "query", "type": "string"],
                                ["name": "access_token", "in": "query", "type": "string"],
                                ["name": "fields", "in": "query", "type": "string"],
                            ],
                        ]
                    ]
                ],
            ]
            let tool = try #require(Fixture.spec(document).spec.tool("ACME_ME"))
            #expect(tool.parameters.map(\.name) == ["fields"], "\(definition)")
            #expect(tool.withheldParameters == ["token": .credential, "access_token": .credential])
        }
    }
}
