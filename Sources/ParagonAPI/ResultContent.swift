import Foundation
import ProviderKit

/// An upstream answer as MCP tool content, by its media type (as the TypeScript server's newer
/// `actionResponseToToolContent` does; MCP 2025-06-18 "Tool Result" content types):
/// - JSON and `+json`: one text item (and structured content when the JSON is an object);
/// - `text/*`: one text item, as sent, decoded by its charset (``TextDecoding``; UTF-8 when
///   it names none);
/// - `image/*`, `audio/*`: an image or audio item, `data` base64 with its `mimeType`;
/// - anything else: an embedded resource, `{uri, mimeType, blob}` (base64);
/// - no media type: `application/octet-stream`.
/// A binary answer over `maxBinaryBytes` is a text note (its media type and size) instead.
public enum ResultContent {
    /// 5 MiB: binary answers above it are described, not returned (providers' `max_binary_bytes`).
    public static let defaultMaxBinaryBytes = 5 << 20

    /// How a media type is answered.
    public enum Kind: Sendable, Equatable {
        case json, text, image, audio, resource
    }

    /// The kind for a Content-Type value (nil: none given).
    public static func kind(of contentType: String?) -> Kind {
        let mediaType = MediaType(contentType)
        if mediaType.isJSON { return .json }
        let essence = mediaType.essence
        if essence.hasPrefix("text/") { return .text }
        if essence.hasPrefix("image/") { return .image }
        if essence.hasPrefix("audio/") { return .audio }
        return .resource
    }

    /// The answer's media type without parameters, lower-cased; `application/octet-stream` for
    /// an answer without one.
    public static func essence(_ contentType: String?) -> String {
        let essence = MediaType(contentType).essence
        return essence.isEmpty ? "application/octet-stream" : essence
    }

    /// The result of an upstream `response`. JSON text is the body as sent, or re-encoded
    /// compactly with `reencodeJSON`. `resourceURI` names a resource item
    /// (`actionkit://action/GOOGLE_DRIVE_DOWNLOAD_FILE`).
    public static func result(
        of response: HTTPResponse, resourceURI: String, maxBinaryBytes: Int = defaultMaxBinaryBytes,
        reencodeJSON: Bool = false
    ) -> ToolResult {
        result(
            body: response.body, contentType: response.header("content-type"), resourceURI: resourceURI,
            maxBinaryBytes: maxBinaryBytes, reencodeJSON: reencodeJSON)
    }

    public static func result(
        body: [UInt8], contentType: String?, resourceURI: String, maxBinaryBytes: Int = defaultMaxBinaryBytes,
        reencodeJSON: Bool = false
    ) -> ToolResult {
        let mediaType = essence(contentType)
        switch kind(of: contentType) {
        case .json:
            guard let parsed = try? JSONValue.parse(body) else {
                return .text(String(decoding: body, as: UTF8.self))
            }
            var result = ToolResult.text(
                reencodeJSON ? String(decoding: parsed.encoded(), as: UTF8.self) : String(decoding: body, as: UTF8.self)
            )
            if parsed.objectValue != nil { result.structuredContent = parsed }
            return result
        case .text:
            return .text(text(body, contentType: contentType))
        case let kind:
            if let note = tooLarge(body.count, mediaType: mediaType, limit: maxBinaryBytes) { return .text(note) }
            return ToolResult(content: [item(kind, body: body, mediaType: mediaType, resourceURI: resourceURI)])
        }
    }

    /// A text answer's body as a string: `text/*` by its charset; anything else (JSON, which
    /// RFC 8259 §8.1 says is UTF-8) as UTF-8.
    public static func text(_ body: [UInt8], contentType: String?) -> String {
        let mediaType = MediaType(contentType)
        guard !mediaType.isJSON, mediaType.essence.hasPrefix("text/") else {
            return String(decoding: body, as: UTF8.self)
        }
        return TextDecoding.decode(body, charset: mediaType.charset)
    }

    /// The content item of a binary answer (image, audio or resource).
    public static func item(_ kind: Kind, body: [UInt8], mediaType: String, resourceURI: String) -> JSONValue {
        let data = JSONValue.string(Data(body).base64EncodedString())
        switch kind {
        case .image: return ["type": "image", "data": data, "mimeType": .string(mediaType)]
        case .audio: return ["type": "audio", "data": data, "mimeType": .string(mediaType)]
        default:
            return [
                "type": "resource",
                "resource": ["uri": .string(resourceURI), "mimeType": .string(mediaType), "blob": data],
            ]
        }
    }

    /// The note that replaces a binary answer over the limit; nil within it.
    public static func tooLarge(_ count: Int, mediaType: String, limit: Int) -> String? {
        guard count > limit else { return nil }
        return "The answer is \(mediaType) content of \(count) bytes, more than the \(limit) bytes this server "
            + "returns (max_binary_bytes); it was not returned."
    }
}
