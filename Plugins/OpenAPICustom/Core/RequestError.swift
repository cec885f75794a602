/// Why a call's arguments cannot become a request; each becomes a tool error naming what to fix.
enum RequestError: Error, Equatable, CustomStringConvertible {
    /// Top-level arguments other than `params` and `body`.
    case unknownArguments([String])
    /// Keys of `params` the operation has no parameter for.
    case unknownParameters([String])
    /// A parameter the operation declares but the tool does not send.
    case withheldParameter(String, Withheld)
    /// A body field the operation declares but the tool does not send.
    case withheldField(String, Withheld)
    /// `params` that is not an object of parameter values.
    case parametersNotAnObject
    /// A `body` for an operation that takes none.
    case bodyNotAccepted
    /// A path parameter without a value (the path cannot be built).
    case missingPathParameter(String)
    /// A path parameter whose value, as serialized, leaves its path segment empty, `.` or
    /// `..`, which would change the resource the request addresses.
    case pathSegmentValue(parameter: String, value: String)
    /// A header parameter whose value holds CR, LF, NUL or another control character (RFC 9110
    /// §5.5).
    case invalidHeaderValue(String)
    /// The body does not have the shape its media type needs (`form` needs an object, a raw
    /// body base64 text).
    case badBody(mediaType: String, expected: String)

    var description: String {
        switch self {
        case .unknownArguments(let names):
            return "unknown argument(s) \(names.joined(separator: ", ")): this tool takes `params` and `body` only"
        case .unknownParameters(let names):
            return "unknown parameter(s) \(names.joined(separator: ", ")) in `params`: not in this operation"
        case .withheldParameter(let name, let reason):
            return reason.message(name)
        case .withheldField(let name, let reason):
            return reason.message(name, inBody: true)
        case .parametersNotAnObject:
            return "`params` must be an object of parameter values by name"
        case .bodyNotAccepted:
            return "this operation takes no request body: leave `body` out"
        case .missingPathParameter(let name):
            return "path parameter \(name) is required"
        case .pathSegmentValue(let name, let value):
            return "path parameter \(name) cannot be "
                + (value.isEmpty ? "empty" : "`\(value)`")
                + ": as a path segment it would change which resource the request addresses"
        case .invalidHeaderValue(let name):
            return "header parameter \(name) cannot hold line breaks or other control characters: no header value may"
        case .badBody(let mediaType, let expected):
            return "the body is sent as \(mediaType) and must be \(expected)"
        }
    }
}
