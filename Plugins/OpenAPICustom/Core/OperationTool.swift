import ParagonAPI
import ProviderKit

/// One operation of a spec, as a tool: what to list and how to call it.
struct OperationTool: Sendable {
    /// A parameter the call may fill, with where it goes and how it is written there.
    struct Parameter: Sendable, Equatable {
        enum Location: String, Sendable { case path, query, header }
        var name: String
        var location: Location
        var style: SerializationStyle
        var explode: Bool
        var allowReserved = false
        /// Declared with `content` (a media type) instead of `schema`: sent as JSON text.
        var asJSON = false
        /// Sent when the call leaves the parameter out: a header's `default` or single `enum`
        /// value (a required one is then optional in the input schema).
        var fallback: JSONValue?
    }

    var name: String
    /// The spec file's integration (`googleCalendar`, `custom.spotify`): the Proxy API path segment.
    var integration: String
    var method: String
    /// The path template as the request uses it: without a `#fragment` the key may carry.
    var path: String
    /// The server URL to prefix the path with (variables filled); nil lets Paragon resolve the
    /// path against the integration's API base.
    var serverURL: String?
    var parameters: [Parameter]
    /// Parameters the operation declares that the tool does not send, by name.
    var withheldParameters: [String: Withheld] = [:]
    /// How the `body` input is sent; nil when the operation takes no body.
    var body: RequestBody?
    /// Fields of a form or multipart body that the tool does not send, by name.
    var withheldFields: [String: Withheld] = [:]
    var description: String
    var inputSchema: JSONValue
    /// The success response's schema when it describes an object and output schemas are on
    /// (``ResponseSchema``); nil otherwise.
    var outputSchema: JSONValue?
    /// Where the operation is, for names and log lines.
    var origin: Origin

    struct Origin: Sendable {
        var file: String
        /// The JSON pointer of the operation.
        var pointer: String
        /// What names it: summary, operationId, method, the path key as written (fragment and all).
        var operation: ToolNaming.Operation
    }

    var descriptor: ToolDescriptor {
        ToolDescriptor(
            name: name, integration: integration, title: OperationHints.title(origin.operation),
            description: description, inputSchema: inputSchema, outputSchema: outputSchema,
            annotations: OperationHints(method: method).annotations)
    }

    /// Whether a header parameter is not the tool's to send: one of ``RequestHeaders``' (credentials,
    /// framing, Paragon's own), or `Content-Type`, which the body's media type sets.
    static func isWithheldHeader(_ name: String) -> Bool {
        RequestHeaders.isForbidden(name) || name.lowercased() == "content-type"
    }
}

/// The serialization styles of OAS 3.0.3 §4.7.12.4 / 3.1 §4.8.12.4.
/// `tabDelimited` is none of theirs: it is Swagger 2.0's `collectionFormat: tsv`, which the
/// converter writes so that such arrays are sent as their document says.
enum SerializationStyle: String, Sendable, Equatable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject, tabDelimited

    /// The text between the items of an unexploded array (and an object's names and values):
    /// a space, `|` or a tab for the delimited styles, `,` for the others.
    var itemDelimiter: String {
        switch self {
        case .spaceDelimited: return " "
        case .pipeDelimited: return "|"
        case .tabDelimited: return "\t"
        default: return ","
        }
    }

    /// The default per location: `form` for query and cookie, `simple` for path and header.
    static func defaultStyle(in location: OperationTool.Parameter.Location) -> SerializationStyle {
        location == .query ? .form : .simple
    }
}

/// How an operation's `body` input becomes the request body.
enum RequestBody: Sendable, Equatable {
    /// `application/json` or any `+json` type: the value as JSON, with that Content-Type.
    case json(mediaType: String)
    /// `application/x-www-form-urlencoded`, with the Encoding Objects of the properties.
    case form(encodings: [String: PropertyEncoding])
    /// `multipart/form-data`, non-file fields, with the Encoding Objects of the properties.
    case multipart(encodings: [String: PropertyEncoding])
    /// `text/*`: the string input as UTF-8.
    case text(mediaType: String)
    /// Anything else (`image/jpeg`, `application/octet-stream`): the input is base64.
    case raw(mediaType: String)

    var mediaType: String {
        switch self {
        case .json(let type), .text(let type), .raw(let type): return type
        case .form: return "application/x-www-form-urlencoded"
        case .multipart: return "multipart/form-data"
        }
    }
}

/// An Encoding Object (OAS 3.0.3 §4.7.15): how one property of a form body is written.
struct PropertyEncoding: Sendable, Equatable {
    var style: SerializationStyle = .form
    var explode = true
    var allowReserved = false
    /// A Content-Type for the property (`application/json`: the value as JSON text).
    var contentType: String?
}
