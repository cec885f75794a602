import Foundation
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Request bodies in their media types: form with Encoding Objects, multipart, +json, text, raw.
@Suite struct BodyEncoderTests {
    static func tool(_ content: JSONValue, required: Bool = true) throws -> OperationTool {
        let document = Fixture.document([
            "/v1/customers": [
                "post": [
                    "summary": "Create customer", "responses": [:],
                    "requestBody": ["required": .bool(required), "content": content],
                ]
            ]
        ])
        let (spec, diagnostics) = Fixture.spec(document)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return try #require(spec.tools.first)
    }

    /// Stripe's shape: form-encoded, nested objects as deepObject per the encoding.
    @Test func formBodiesWithDeepObjectEncoding() throws {
        let tool = try Self.tool([
            "application/x-www-form-urlencoded": [
                "schema": [
                    "type": "object",
                    "properties": [
                        "email": ["type": "string"], "metadata": ["type": "object"],
                        "expand": ["type": "array", "items": ["type": "string"]],
                        "tags": ["type": "array", "items": ["type": "string"]],
                        "address": ["type": "object"],
                    ],
                ],
                "encoding": [
                    "metadata": ["style": "deepObject", "explode": true],
                    "expand": ["style": "deepObject", "explode": true],
                    "address": ["contentType": "application/json"],
                ],
            ]
        ])
        #expect(
            tool.body
                == .form(encodings: [
                    "metadata": PropertyEncoding(style: .deepObject, explode: true),
                    "expand": PropertyEncoding(style: .deepObject, explode: true),
                    "address": PropertyEncoding(style: .form, explode: true, contentType: "application/json"),
                ]))
        #expect(tool.inputSchema["properties"]?["body"]?["properties"]?["metadata"] != nil)
        let request = try RequestBuilder.build(
            tool,
            arguments: [
                "body": [
                    "email": "a b@x.com", "metadata": ["order_id": "6735"], "expand": ["sources", "tax"],
                    "tags": ["x", "y"], "address": ["city": "Oslo"],
                ]
            ])
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(
            request.text
                == "address=%7B%22city%22%3A%22Oslo%22%7D&email=a%20b%40x.com&expand[0]=sources&expand[1]=tax"
                + "&metadata[order_id]=6735&tags=x&tags=y")
    }

    @Test func multipartSendsNonFileFields() throws {
        let tool = try Self.tool([
            "multipart/form-data": [
                "schema": [
                    "type": "object", "required": ["file", "name"],
                    "properties": [
                        "file": ["type": "string", "format": "binary"], "name": ["type": "string"],
                        "attributes": ["type": "object"], "ids": ["type": "array", "items": ["type": "integer"]],
                    ],
                ]
            ]
        ])
        let body = try #require(tool.inputSchema["properties"]?["body"])
        #expect(body["properties"]?["file"] == nil)
        #expect(body["required"] == ["name"])
        #expect(body["description"]?.stringValue?.contains("file") == true)
        // Left out of the schema, a file the agent sends anyway is a tool error naming it.
        #expect(tool.withheldFields == ["file": .file])
        #expect(throws: RequestError.withheldField("file", .file)) {
            try RequestBuilder.build(tool, arguments: ["body": ["name": "n", "file": "aGVsbG8="]])
        }
        #expect(RequestError.withheldField("file", .file).description.contains("body field file is a file"))
        let request = try RequestBuilder.build(
            tool, arguments: ["body": ["name": "n", "attributes": ["a": 1], "ids": [1, 2]]], boundary: "B")
        #expect(request.header("Content-Type") == "multipart/form-data; boundary=B")
        #expect(
            request.text
                == "--B\r\nContent-Disposition: form-data; name=\"attributes\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"ids\"\r\nContent-Type: text/plain\r\n\r\n1\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"ids\"\r\nContent-Type: text/plain\r\n\r\n2\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain\r\n\r\nn\r\n--B--\r\n"
        )
    }

    /// Part names are body keys, the agent's: escaped as WHATWG's form-data encoding does, so
    /// that none can end its quotes or its header.
    @Test func multipartNamesAreEscaped() throws {
        let tool = try Self.tool(["multipart/form-data": ["schema": ["type": "object"]]])
        let request = try RequestBuilder.build(
            tool, arguments: ["body": ["a\"b\r\nContent-Type: text/html\r\n\r\nx": "v", "ü n": "w"]], boundary: "B")
        #expect(
            request.text
                == "--B\r\nContent-Disposition: form-data; name=\"a%22b%0D%0AContent-Type: text/html%0D%0A%0D%0Ax\"\r\n"
                + "Content-Type: text/plain\r\n\r\nv\r\n"
                + "--B\r\nContent-Disposition: form-data; name=\"ü n\"\r\nContent-Type: text/plain\r\n\r\nw\r\n--B--\r\n"
        )
        #expect(BodyEncoder.partName("plain") == "plain")
    }

    @Test func jsonMediaTypesKeepTheirType() throws {
        let tool = try Self.tool(["application/json-patch+json": ["schema": ["type": "array"]]])
        let request = try RequestBuilder.build(tool, arguments: ["body": [["op": "remove", "path": "/a"]]])
        #expect(request.header("Content-Type") == "application/json-patch+json")
        #expect(request.text == #"[{"op":"remove","path":"/a"}]"#)
        let preferred = try Self.tool([
            "application/xml": ["schema": ["type": "object"]], "application/json": ["schema": ["type": "object"]],
        ])
        #expect(preferred.body == .json(mediaType: "application/json"))
    }

    @Test func rawAndTextBodies() throws {
        let image = try Self.tool(["image/jpeg": ["schema": ["type": "string", "format": "binary"]]])
        #expect(image.inputSchema["properties"]?["body"]?["contentEncoding"] == "base64")
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0x00, 0x10]
        let request = try RequestBuilder.build(image, arguments: ["body": .string(Data(bytes).base64EncodedString())])
        #expect(request.header("Content-Type") == "image/jpeg")
        #expect(request.body == bytes)
        #expect(throws: RequestError.badBody(mediaType: "image/jpeg", expected: "base64 text")) {
            try RequestBuilder.build(image, arguments: ["body": "not base64!"])
        }
        let text = try Self.tool(["text/csv": ["schema": ["type": "string"]]])
        let csv = try RequestBuilder.build(text, arguments: ["body": "a,b\n1,2"])
        #expect(csv.header("Content-Type") == "text/csv" && csv.text == "a,b\n1,2")
    }
}
