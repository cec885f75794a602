import ParagonAPI
import ProviderKit

/// A call's arguments as the request to send through the Proxy API.
struct PreparedRequest: Sendable, Equatable {
    var method: String
    /// The `X-Paragon-Proxy-Url`: the server URL (or nothing) + the path with its parameters +
    /// the query.
    var target: String
    var headers: [Header]
    var body: [UInt8]

    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }
}

/// Builds a tool's request from its arguments `{params, body}`: path parameters in their
/// style, query parameters in theirs, header parameters (and the fallbacks of required headers
/// left out), and the body in its media type. An argument the request cannot carry is an error,
/// never dropped, and so is one that would change the request's shape: a path value that makes
/// a dot segment, a header value with CR, LF or another control character (``RequestHeaders``).
enum RequestBuilder {
    static func build(_ tool: OperationTool, arguments: JSONValue, boundary: String = BodyEncoder.boundary())
        throws(RequestError) -> PreparedRequest
    {
        let members = arguments.objectValue ?? [:]
        let unknown = members.keys.filter { $0 != "params" && $0 != "body" }.sorted()
        guard unknown.isEmpty else { throw .unknownArguments(unknown) }
        if let given = members["params"], given != .null, given.objectValue == nil { throw .parametersNotAnObject }
        let params = members["params"]?.objectValue ?? [:]
        let known = Set(tool.parameters.map(\.name))
        let strangers = params.keys.filter { !known.contains($0) }.sorted()
        if let name = strangers.first(where: { tool.withheldParameters[$0] != nil }) {
            throw .withheldParameter(name, tool.withheldParameters[name]!)
        }
        guard strangers.isEmpty else { throw .unknownParameters(strangers) }

        var pathValues: [String: String] = [:]
        var query: [String] = []
        var headers: [PreparedRequest.Header] = [.init(name: "X-Paragon-Use-Raw-Response", value: "true")]
        for parameter in tool.parameters {
            var value = params[parameter.name]
            if value == nil || value == .null { value = parameter.fallback }
            guard let value, value != .null else { continue }
            let written = parameter.asJSON ? JSONValue.string(ParameterSerializer.text(value)) : value
            switch parameter.location {
            case .path:
                pathValues[parameter.name] = ParameterSerializer.path(
                    name: parameter.name, value: written, style: parameter.style, explode: parameter.explode)
            case .query:
                query += ParameterSerializer.query(
                    name: parameter.name, value: written, style: parameter.style, explode: parameter.explode,
                    allowReserved: parameter.allowReserved)
            case .header:
                let text = ParameterSerializer.header(written, explode: parameter.explode)
                guard RequestHeaders.isValidValue(text) else { throw .invalidHeaderValue(parameter.name) }
                headers.append(.init(name: parameter.name, value: text))
            }
        }
        var target = try fill(tool.path, with: pathValues)
        if let server = tool.serverURL, !server.isEmpty {
            target = server + (target.hasPrefix("/") || target.isEmpty ? "" : "/") + target
        }
        if !query.isEmpty { target += (target.contains("?") ? "&" : "?") + query.joined(separator: "&") }

        var body: [UInt8] = []
        if let value = members["body"], value != .null {
            guard let kind = tool.body else { throw .bodyNotAccepted }
            if let name = value.objectValue?.keys.sorted().first(where: { tool.withheldFields[$0] != nil }) {
                throw .withheldField(name, tool.withheldFields[name]!)
            }
            let encoded = try BodyEncoder.encode(value, as: kind, boundary: boundary)
            headers.append(.init(name: "Content-Type", value: encoded.contentType))
            body = encoded.bytes
        }
        return PreparedRequest(method: tool.method, target: target, headers: headers, body: body)
    }

    /// The path with each `{name}` replaced by its serialized value. A path segment that its
    /// parameters leave empty, `.` or `..` is refused: a server resolves dot segments (RFC 3986
    /// §5.2.4), so `/contacts/{id}` with `..` would address `/`, not a contact.
    static func fill(_ path: String, with values: [String: String]) throws(RequestError) -> String {
        var filled = ""
        // The segment being filled, and the parameters in it.
        var segment = ""
        var names: [String] = []
        func endSegment() throws(RequestError) {
            if let name = names.first, segment.isEmpty || segment == "." || segment == ".." {
                throw .pathSegmentValue(parameter: name, value: segment)
            }
            filled += segment
            segment = ""
            names = []
        }
        for piece in Template.pieces(path).pieces {
            switch piece {
            case .literal(let text):
                for character in text {
                    guard character == "/" else {
                        segment.append(character)
                        continue
                    }
                    try endSegment()
                    filled.append("/")
                }
            case .expression(let name):
                guard let value = values[name] else { throw .missingPathParameter(name) }
                segment += value
                names.append(name)
            }
        }
        try endSegment()
        return filled
    }
}
