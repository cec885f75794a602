import Foundation
import ParagonAPI
import ProviderKit
import Testing

/// Upstream answers as tool content by media type (ParagonAPI's ResultContent, which all three
/// providers use; ActionKit's URI scheme here).
@Suite struct ResultContentTests {
    static let uri = "actionkit://action/GOOGLE_DRIVE_DOWNLOAD_FILE"
    static let bytes: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10]

    func result(_ body: [UInt8], _ contentType: String?, limit: Int = 1000, reencode: Bool = false) -> ToolResult {
        ResultContent.result(
            body: body, contentType: contentType, resourceURI: Self.uri, maxBinaryBytes: limit, reencodeJSON: reencode)
    }

    @Test func jsonIsTextWithStructuredContentForObjects() {
        let object = result(Array(#"{"b": 1, "a": [true]}"#.utf8), "application/json; charset=utf-8", reencode: true)
        #expect(object.content == [["type": "text", "text": #"{"a":[true],"b":1}"#]])
        #expect(object.structuredContent == ["a": [true], "b": 1])
        let asSent = result(Array(#"{"b": 1}"#.utf8), "application/problem+json")
        #expect(asSent.content == [["type": "text", "text": #"{"b": 1}"#]])
        let array = result(Array("[1,2]".utf8), "application/vnd.api+json")
        #expect(array.structuredContent == nil)
        let broken = result(Array("{oops".utf8), "application/json")
        #expect(broken.content == [["type": "text", "text": "{oops"]])
    }

    @Test func textIsText() {
        #expect(result(Array("a,b\n".utf8), "text/csv").content == [["type": "text", "text": "a,b\n"]])
    }

    /// `text/*` is decoded by its charset (iso-8859-1 read as windows-1252, as browsers do);
    /// none, or one unknown, is UTF-8; JSON is UTF-8 whatever it says.
    @Test func textIsDecodedByItsCharset() {
        let latin1: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80]
        #expect(result(latin1, "text/plain; charset=iso-8859-1").content == [["type": "text", "text": "café €"]])
        #expect(result(latin1, #"text/html; charset="ISO-8859-1""#).content.first?["text"] == "café €")
        #expect(result([0x63, 0xE8, 0x81], "text/plain; charset=windows-1252").content.first?["text"] == "cè\u{81}")
        #expect(result([0x63, 0x00, 0xE9, 0x00], "text/plain; charset=utf-16le").content.first?["text"] == "cé")
        #expect(result([0x82, 0xA0], "text/plain; charset=Shift_JIS").content.first?["text"] == "あ")
        #expect(result(Array("é".utf8), "text/plain").content.first?["text"] == "é")
        #expect(result(Array("é".utf8), "text/plain; charset=x-unknown").content.first?["text"] == "é")
        #expect(
            ResultContent.text(Array(#"{"a":"é"}"#.utf8), contentType: "application/json; charset=iso-8859-1")
                == #"{"a":"é"}"#)
        #expect(TextDecoding.decode([0xE9], charset: nil) == "\u{FFFD}")
    }

    @Test func imagesAndAudioAreTheirContentTypes() {
        let base64 = JSONValue.string(Data(Self.bytes).base64EncodedString())
        #expect(
            result(Self.bytes, "image/png").content == [["type": "image", "data": base64, "mimeType": "image/png"]])
        #expect(
            result(Self.bytes, "audio/mpeg").content == [["type": "audio", "data": base64, "mimeType": "audio/mpeg"]])
    }

    @Test func anythingElseIsAnEmbeddedResource() {
        let base64 = JSONValue.string(Data(Self.bytes).base64EncodedString())
        #expect(
            result(Self.bytes, "application/pdf").content == [
                [
                    "type": "resource",
                    "resource": ["uri": .string(Self.uri), "mimeType": "application/pdf", "blob": base64],
                ]
            ])
        #expect(
            result(Self.bytes, nil).content.first?["resource"]?["mimeType"] == "application/octet-stream",
            "no media type")
        #expect(ResultContent.kind(of: "") == .resource)
    }

    @Test func beyondTheLimitANoteInsteadOfTheBytes() {
        let large = result(Array(repeating: 1, count: 2000), "application/zip", limit: 1000)
        let text = large.content.first?["text"]?.stringValue ?? ""
        #expect(text.contains("application/zip") && text.contains("2000 bytes") && text.contains("max_binary_bytes"))
        #expect(
            result(Array(repeating: 65, count: 2000), "text/plain", limit: 1000).content.first?["text"]?.stringValue?
                .count == 2000,
            "text is not binary")
    }
}
