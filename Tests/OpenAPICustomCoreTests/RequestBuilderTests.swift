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
            "/contacts/{id}/notes/{kind}{format}": [
                "get": [
                    "summary": "Contact notes", "responses": [:],
                    "parameters": [
                        ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]],
                        ["name": "kind", "in": "path", "required": true, "schema": ["type": "string"]],
                        [
                            "name": "format", "in": "path", "required": true, "style": "label",
                            "schema": ["type": "string"],
                        ],
                        ["name": "q", "in": "query", "allowReserved": true, "schema": ["type": "string"]],
                    ],
                ]
            ],
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

    /// Parameters the operation declares but the tool does not send are refused with the
    /// reason, not as unknown: cookies, headers the tool may not set.
    @Test func declaredButWithheldParametersSayWhy() throws {
        let tool = try #require(Self.spec.tool("ACME_GET_SCHEDULE"))
        #expect(tool.withheldParameters == ["session": .cookie, "Authorization": .reservedHeader])
        #expect(throws: RequestError.withheldParameter("session", .cookie)) {
            try RequestBuilder.build(tool, arguments: ["params": ["days": ["mon"], "X-Id": "1", "session": "s"]])
        }
        #expect(throws: RequestError.withheldParameter("Authorization", .reservedHeader)) {
            try RequestBuilder.build(tool, arguments: ["params": ["days": ["mon"], "Authorization": "Bearer x"]])
        }
        let cookie = RequestError.withheldParameter("session", .cookie).description
        #expect(cookie.contains("session") && cookie.contains("cookie parameters are not sent by this tool"))
        #expect(!cookie.contains("not in this operation"))
    }

    /// A path parameter's value is data for its segment: as serialized, it may not make the
    /// segment empty, `.` or `..` (which would address another resource).
    @Test func pathValuesCannotMakeDotSegments() throws {
        let tool = try #require(Self.spec.tool("ACME_CONTACT_NOTES"))
        func build(_ id: String, _ kind: String = "k", _ format: String = "json") throws(RequestError) -> String {
            try RequestBuilder.build(
                tool, arguments: ["params": ["id": .string(id), "kind": .string(kind), "format": .string(format)]]
            ).target
        }
        #expect(try build("12") == "https://api.example.com/contacts/12/notes/k.json")
        for fine in ["...", "a..b", ".hidden", "%2e%2e", "../x"] {
            #expect(throws: Never.self, "\(fine)") { try build(fine) }
        }
        #expect(try build("%2e%2e").contains("/contacts/%252e%252e/"), "encoded, so not a dot segment")
        #expect(try build("../x").contains("/contacts/..%2Fx/"), "a slash in a value is data")
        #expect(throws: RequestError.pathSegmentValue(parameter: "id", value: "..")) { try build("..") }
        #expect(throws: RequestError.pathSegmentValue(parameter: "id", value: ".")) { try build(".") }
        #expect(throws: RequestError.pathSegmentValue(parameter: "id", value: "")) { try build("") }
        // A label value of "." serializes as "..", and an empty one as ".".
        #expect(throws: RequestError.pathSegmentValue(parameter: "kind", value: "..")) { try build("1", "", ".") }
        #expect(throws: RequestError.pathSegmentValue(parameter: "kind", value: ".")) { try build("1", "", "") }
        #expect(RequestError.pathSegmentValue(parameter: "id", value: "..").description.contains("path parameter id"))
    }

    /// allowReserved keeps `/`, `?`, `:`... but never what would add parameters or a fragment.
    @Test func allowReservedCannotReshapeTheQuery() throws {
        let tool = try #require(Self.spec.tool("ACME_CONTACT_NOTES"))
        let request = try RequestBuilder.build(
            tool, arguments: ["params": ["id": "1", "kind": "k", "format": "f", "q": "a/b:c?d&admin=true+1#top"]])
        #expect(request.target == "https://api.example.com/contacts/1/notes/k.f?q=a/b:c?d%26admin%3Dtrue%2B1%23top")
    }

    /// A header value cannot end its header: CR, LF, NUL and other controls are refused,
    /// naming the parameter, before anything is sent.
    @Test func headerValuesCannotHoldLineBreaks() throws {
        let tool = try #require(Self.spec.tool("ACME_GET_SCHEDULE"))
        for value in ["7\r\nX-Evil: 1", "7\n", "7\r", "7\u{0}", "7\u{7F}"] {
            #expect(throws: RequestError.invalidHeaderValue("X-Id"), "\(value.debugDescription)") {
                try RequestBuilder.build(tool, arguments: ["params": ["days": ["mon"], "X-Id": .string(value)]])
            }
        }
        let tab = try RequestBuilder.build(tool, arguments: ["params": ["days": ["mon"], "X-Id": "a\tb é"]])
        #expect(tab.header("X-Id") == "a\tb é")
        #expect(RequestError.invalidHeaderValue("X-Id").description.contains("header parameter X-Id"))
    }
}
