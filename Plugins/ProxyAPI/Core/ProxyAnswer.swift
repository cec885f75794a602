import ParagonAPI
import ProviderKit

/// What `CALL_API_REQUEST` answers: text and JSON as `HTTP <status>`, a blank line and the body
/// as the upstream sent it, cut at `max_response_bytes` (saying so); a binary body as the status
/// and an image, audio or resource item (``ResultContent``; the resource's URI is the URL
/// without its query), or a note beyond `max_binary_bytes`.
struct ProxyAnswer: Sendable {
    var maxResponseBytes: Int
    var maxBinaryBytes: Int

    init(_ rails: ProxyGuardRails) {
        self.maxResponseBytes = rails.maxResponseBytes
        self.maxBinaryBytes = rails.maxBinaryBytes
    }

    func result(_ response: HTTPResponse, url: ProxyURL) -> ToolResult {
        let contentType = response.header("content-type")
        let kind = ResultContent.kind(of: contentType)
        guard kind != .json, kind != .text else { return .text(text(response)) }
        let mediaType = ResultContent.essence(contentType)
        let status = "HTTP \(response.status)\n\n"
        if let note = ResultContent.tooLarge(response.body.count, mediaType: mediaType, limit: maxBinaryBytes) {
            return .text(status + note)
        }
        return ToolResult(content: [
            ["type": "text", "text": .string(status + "(\(mediaType), \(response.body.count) bytes)")],
            ResultContent.item(kind, body: response.body, mediaType: mediaType, resourceURI: url.withoutQuery),
        ])
    }

    /// The status, then the body as the upstream sent it (decoded by its charset,
    /// ``ResultContent/text(_:contentType:)``), cut at the cap in UTF-8 bytes (saying so).
    func text(_ response: HTTPResponse) -> String {
        var body = Array(ResultContent.text(response.body, contentType: response.header("content-type")).utf8)
        var note = ""
        if body.count > maxResponseBytes {
            note = "\n\n[response cut at \(maxResponseBytes) of \(response.body.count) bytes]"
            body = Array(body.prefix(maxResponseBytes))
            // Do not end inside a UTF-8 sequence.
            while let last = body.last, last & 0xC0 == 0x80 { body.removeLast() }
            if let last = body.last, last >= 0xC0 { body.removeLast() }
        }
        return "HTTP \(response.status)\n\n" + String(decoding: body, as: UTF8.self) + note
    }
}
