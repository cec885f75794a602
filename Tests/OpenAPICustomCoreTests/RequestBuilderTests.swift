import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Arguments into requests: parameters in their styles, fragments, header defaults, and
/// arguments that cannot be sent.
@Suite struct RequestBuilderTests {
    static let document = Fixture.document(
        [
            "/schedules/{days}": [
                "parameters": [
                    [
                        "name": "days", "in": "path", "required": true,
                        "schema": ["type": "array", "items": ["type": "string"]],
                    ]
                ],
                "get": [
                    "operationId": "getSchedule", "responses": [:],
                    "parameters": [
                        [
                            "name": "ids", "in": "query", "explode": false,
                            "schema": ["type": "array", "items": ["type": "integer"]],
                        ],
                        ["name": "tag", "in": "query", "schema": ["type": "array", "items": ["type": "string"]]],
                        ["name": "filter", "in": "query", "style": "deepObject", "schema": ["type": "object"]],
                        [
                            "name": "X-Version", "in": "header", "required": true,
                            "schema": ["type": "string", "default": "2022-11-28"],
                        ],
                        [
                            "name": "X-Mode", "in": "header", "required": true,
                            "schema": ["type": "string", "enum": ["fast"]],
                        ],
                        ["name": "X-Id", "in": "header", "required": true, "schema": ["type": "string"]],
                        ["name": "Authorization", "in": "header", "schema": ["type": "string"]],
                        ["name": "session", "in": "cookie", "schema": ["type": "string"]],
                        [
                            "name": "where", "in": "query",
                            "content": ["application/json": ["schema": ["type": "object"]]],
                        ],
                    ],
                ],
            ],
            "/files/{file_id}#get_shared_link": [
                "get": [
                    "summary": "Find file for shared link", "responses": [:],
                    "parameters": [
                        ["name": "file_id", "in": "path", "required": true, "schema": ["type": "string"]],
                        ["name": "fields", "in": "query", "required": true, "schema": ["type": "string"]],
                    ],
                ]
            ],
            "/matrix/{point}/{tag}": [
                "get": [
                    "summary": "Matrix", "responses": [:],
                    "parameters": [
                        [
                            "name": "point", "in": "path", "required": true, "style": "matrix", "explode": true,
                            "schema": ["type": "object"],
                        ],
                        ["name": "tag", "in": "path", "required": true, "style": "label", "schema": ["type": "array"]],
                    ],
                ]
            ],
            "/ping": ["get": ["summary": "Ping", "responses": [:]]],
        ], servers: [["url": "https://api.example.com/"]])

    static let spec = Fixture.spec(document).spec

    @Test func parametersFollowTheirStyles() throws {
        let tool = try #require(Self.spec.tool("ACME_GET_SCHEDULE"))
        let request = try RequestBuilder.build(
            tool,
            arguments: [
                "params": [
                    "days": ["mon", "tue"], "ids": [1, 2], "tag": ["a b", "c"], "filter": ["owner": "me"],
                    "X-Id": "7", "where": ["a": 1],
                ]
            ])
        #expect(
            request.target
                == "https://api.example.com/schedules/mon,tue?ids=1,2&tag=a%20b&tag=c&filter[owner]=me&where=%7B%22a%22%3A1%7D"
        )
        #expect(request.header("X-Version") == "2022-11-28", "a required header's default is sent")
        #expect(request.header("X-Mode") == "fast", "a required header's single enum value is sent")
        #expect(request.header("X-Id") == "7")
        #expect(request.header("X-Paragon-Use-Raw-Response") == "true")
        #expect(request.header("Authorization") == nil && request.header("Cookie") == nil)
        let params = try #require(tool.inputSchema["properties"]?["params"])
        #expect(params["required"] == ["days", "X-Id"], "headers with a fallback are optional")
        #expect(params["properties"]?["Authorization"] == nil && params["properties"]?["session"] == nil)
        let matrix = try RequestBuilder.build(
            #require(Self.spec.tool("ACME_MATRIX")),
            arguments: ["params": ["point": ["x": 1, "y": 2], "tag": ["a", "b"]]])
        #expect(matrix.target == "https://api.example.com/matrix/;x=1;y=2/.a,b")
    }

    @Test func aFragmentIsNoPartOfTheRequest() throws {
        let tool = try #require(Self.spec.tool("ACME_FIND_FILE_FOR_SHARED_LINK"))
        let request = try RequestBuilder.build(tool, arguments: ["params": ["file_id": "12", "fields": "name"]])
        #expect(request.target == "https://api.example.com/files/12?fields=name")
    }

    @Test func whatCannotBeSentIsAnError() throws {
        let ping = try #require(Self.spec.tool("ACME_PING"))
        #expect(ping.inputSchema == ["type": "object", "properties": [:]], "every input schema has properties")
        #expect(throws: RequestError.bodyNotAccepted) { try RequestBuilder.build(ping, arguments: ["body": ["a": 1]]) }
        #expect(throws: RequestError.unknownArguments(["extra", "query"])) {
            try RequestBuilder.build(ping, arguments: ["query": 1, "extra": 2])
        }
        #expect(throws: RequestError.unknownParameters(["nope"])) {
            try RequestBuilder.build(ping, arguments: ["params": ["nope": 1]])
        }
        let file = try #require(Self.spec.tool("ACME_FIND_FILE_FOR_SHARED_LINK"))
        #expect(throws: RequestError.missingPathParameter("file_id")) {
            try RequestBuilder.build(file, arguments: ["params": ["fields": "x"]])
        }
        #expect(throws: RequestError.parametersNotAnObject) {
            try RequestBuilder.build(ping, arguments: ["params": "x"])
        }
        #expect(RequestError.unknownParameters(["nope"]).description.contains("nope"))
    }
}
