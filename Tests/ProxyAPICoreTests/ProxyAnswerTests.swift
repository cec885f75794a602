import Foundation
import ProviderKit
import Testing

@testable import ProxyAPICore

/// CALL_API_REQUEST's answers and guard rails, without sockets.
@Suite struct ProxyAnswerTests {
    static func rails(_ settings: String = "{}") throws -> ProxyGuardRails {
        try ProxyGuardRails(JSONDecoder().decode(ProxyGuardRails.Settings.self, from: Data(settings.utf8)))
    }

    @Test func textAndJSONAnswersKeepTheirShape() throws {
        let answer = ProxyAnswer(try Self.rails())
        let json = HTTPResponse(
            status: 201, headers: [("content-type", "application/json")], body: Array(#"{"ok":true}"#.utf8))
        #expect(answer.result(json, url: try ProxyURL("https://x")) == .text("HTTP 201\n\n{\"ok\":true}"))
        let cut = ProxyAnswer(try Self.rails(#"{"max_response_bytes": 4}"#))
        let long = HTTPResponse(status: 200, headers: [("content-type", "text/plain")], body: Array("abcdéf".utf8))
        #expect(
            cut.result(long, url: try ProxyURL("https://x"))
                == .text("HTTP 200\n\nabcd\n\n[response cut at 4 of 7 bytes]"))
    }

    @Test func textIsDecodedByItsCharsetThenCut() throws {
        let latin1 = HTTPResponse(
            status: 200, headers: [("content-type", "text/plain; charset=iso-8859-1")],
            body: [0x63, 0x61, 0x66, 0xE9, 0x21])
        #expect(
            ProxyAnswer(try Self.rails()).result(latin1, url: try ProxyURL("https://x")) == .text("HTTP 200\n\ncafé!"))
        let cut = ProxyAnswer(try Self.rails(#"{"max_response_bytes": 4}"#))
        #expect(
            cut.result(latin1, url: try ProxyURL("https://x"))
                == .text("HTTP 200\n\ncaf\n\n[response cut at 4 of 5 bytes]"),
            "é is two bytes in UTF-8: the cut does not split it")
    }

    @Test func binaryAnswersAreContentItems() throws {
        let answer = ProxyAnswer(try Self.rails(#"{"max_binary_bytes": 4}"#))
        let png = HTTPResponse(status: 200, headers: [("content-type", "image/png")], body: [0x89, 0x50, 0x4E])
        let result = answer.result(png, url: try ProxyURL("https://api.example.com/a.png?size=2#top"))
        #expect(result.content.first == ["type": "text", "text": "HTTP 200\n\n(image/png, 3 bytes)"])
        #expect(result.content.last == ["type": "image", "data": "iVBO", "mimeType": "image/png"])
        let zip = HTTPResponse(status: 200, headers: [("content-type", "application/zip")], body: [1, 2])
        #expect(
            answer.result(zip, url: try ProxyURL("https://api.example.com/z?x=1")).content.last?["resource"]?["uri"]
                == "https://api.example.com/z")
        let large = HTTPResponse(status: 200, headers: [], body: [1, 2, 3, 4, 5])
        let note = answer.result(large, url: try ProxyURL("https://x")).content.first?["text"]?.stringValue ?? ""
        #expect(note.hasPrefix("HTTP 200\n\n") && note.contains("application/octet-stream") && note.contains("5 bytes"))
    }

    @Test func guardRails() throws {
        #expect(throws: ProviderError.self) { try Self.rails(#"{"allowed_methods": ["TRACE"]}"#) }
        #expect(throws: ProviderError.self) { try Self.rails(#"{"allowed_url_prefixes": {"x": ["/relative"]}}"#) }
    }

    @Test func theInputSchemaHasProperties() {
        let schema = ProxyAPIProvider.inputSchema(integrations: ["slack"], methods: ["GET"])
        #expect(schema["properties"]?["integration"]?["enum"] == ["slack"])
        #expect(schema["required"] == ["integration", "url", "httpMethod"])
    }

    @Test func queryParametersAreStringifiedAndSorted() throws {
        let request = try ProxyRequest([
            "integration": "slack", "url": "https://slack.com/api/x", "httpMethod": "get",
            "queryParams": ["b": 2, "a": "x y&z=1"],
        ])
        #expect(request.method == "GET")
        #expect(request.target == "https://slack.com/api/x?a=x%20y%26z%3D1&b=2")
        #expect(request.loggableURL == "https://slack.com/api/x (query: a, b)")
    }

    /// `"body": null` means no body, as an absent one does: never a JSON `null` sent upstream.
    @Test func aNullBodyIsNoBody() throws {
        let request = try ProxyRequest([
            "integration": "slack", "url": "https://slack.com/api/x", "httpMethod": "POST", "body": nil,
        ])
        #expect(request.body == nil)
    }
}
