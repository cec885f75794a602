import Foundation
import ParagonAPI
import ProviderKit

/// The bytes and Content-Type of a `body` input, by the operation's ``RequestBody``:
/// - JSON (`application/json`, `+json` such as `application/json-patch+json`): the value as JSON;
/// - `application/x-www-form-urlencoded`: each property of the object as query-style items,
///   by its Encoding Object (default `form`, exploded; `deepObject` writes
///   `metadata[order_id]=...`; a `contentType` such as `application/json` writes JSON text);
///   OAS 3.0.3 §4.7.14-15 "Support for x-www-form-urlencoded Request Bodies";
/// - `multipart/form-data` (RFC 7578): one part per property (arrays of primitives: one part
///   per item, or one part of the items joined by the style's delimiter when the encoding is
///   not exploded, as Swagger 2.0's `collectionFormat` converts); primitives as `text/plain`,
///   others as `application/json` unless the encoding says otherwise;
/// - `text/*`: the string as UTF-8; anything else: the base64 input decoded.
enum BodyEncoder {
    static func encode(_ value: JSONValue, as body: RequestBody, boundary: String = Self.boundary())
        throws(RequestError)
        -> (contentType: String, bytes: [UInt8])
    {
        switch body {
        case .json(let mediaType):
            return (mediaType, value.encoded())
        case .form(let encodings):
            guard case .object(let members) = value else {
                throw .badBody(mediaType: body.mediaType, expected: "an object")
            }
            var items: [String] = []
            for (name, member) in members.sorted(by: { $0.key < $1.key }) where member != .null {
                let encoding = encodings[name] ?? PropertyEncoding()
                if let type = encoding.contentType, !isPlainText(type) {
                    items.append(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(asText(member)))
                    continue
                }
                items += ParameterSerializer.query(
                    name: name, value: member, style: encoding.style, explode: encoding.explode,
                    allowReserved: encoding.allowReserved)
            }
            return (body.mediaType, Array(items.joined(separator: "&").utf8))
        case .multipart(let encodings):
            guard case .object(let members) = value else {
                throw .badBody(mediaType: body.mediaType, expected: "an object")
            }
            var bytes: [UInt8] = []
            func part(_ name: String, _ type: String, _ content: String) {
                let escaped = partName(name)
                bytes += Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escaped)\"\r\nContent-Type: \(type)\r\n\r\n"
                        .utf8)
                bytes += Array(content.utf8)
                bytes += Array("\r\n".utf8)
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) where member != .null {
                let declared = encodings[name]?.contentType
                switch member {
                case .array(let items) where declared == nil && items.allSatisfy(isPrimitive):
                    let encoding = encodings[name] ?? PropertyEncoding()
                    if encoding.explode {
                        for item in items { part(name, "text/plain", ParameterSerializer.text(item)) }
                    } else {
                        let text = items.map(ParameterSerializer.text).joined(separator: encoding.style.itemDelimiter)
                        part(name, "text/plain", text)
                    }
                case .object, .array:
                    part(name, declared ?? "application/json", asText(member))
                default:
                    part(name, declared ?? "text/plain", ParameterSerializer.text(member))
                }
            }
            bytes += Array("--\(boundary)--\r\n".utf8)
            return ("multipart/form-data; boundary=\(boundary)", bytes)
        case .text(let mediaType):
            guard case .string(let text) = value else { throw .badBody(mediaType: mediaType, expected: "a string") }
            return (mediaType, Array(text.utf8))
        case .raw(let mediaType):
            guard case .string(let text) = value,
                let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters)
            else { throw .badBody(mediaType: mediaType, expected: "base64 text") }
            return (mediaType, Array(data))
        }
    }

    static func boundary() -> String { "paragon-mcp-" + UUID().uuidString }

    /// A part's name as the Content-Disposition's quoted `name`, escaped as the WHATWG HTML
    /// standard's multipart/form-data encoding algorithm does: LF as `%0A`, CR as `%0D`, `"` as
    /// `%22`, so that a name (a body key, the agent's) cannot end the header or the quotes.
    static func partName(_ name: String) -> String {
        var escaped = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\n": escaped += "%0A"
            case "\r": escaped += "%0D"
            case "\"": escaped += "%22"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isPrimitive(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    private static func isPlainText(_ type: String) -> Bool { type.lowercased().hasPrefix("text/plain") }

    /// Structured values as JSON text, strings as they are.
    private static func asText(_ value: JSONValue) -> String {
        value.stringValue ?? String(decoding: value.encoded(), as: UTF8.self)
    }
}
