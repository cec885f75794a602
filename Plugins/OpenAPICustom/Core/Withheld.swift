/// Why an operation's parameter or body field is left out of its tool: the input schema does
/// not list it, and an agent that sends it anyway gets a tool error saying why (nothing is
/// sent), never a silent drop and never the value sent.
enum Withheld: Sendable, Equatable {
    /// A cookie parameter: Paragon's proxy keeps the connected account's cookies.
    case cookie
    /// A parameter or form field carrying the API's credentials (``Credentials``).
    case credential
    /// A header parameter the tool may not set (``OperationTool/isWithheldHeader(_:)``).
    case reservedHeader
    /// A header parameter whose name is not a header name (RFC 9110 §5.6.2 token).
    case invalidHeaderName
    /// A multipart file field (`format: binary`, `base64`, or `contentMediaType`).
    case file

    /// What the agent reads for `name` (a parameter, or with `inBody` a body field).
    func message(_ name: String, inBody: Bool = false) -> String {
        let what = inBody ? "body field \(name)" : "parameter \(name)"
        switch self {
        case .cookie:
            return "\(what) is a cookie: cookie parameters are not sent by this tool (Paragon's proxy keeps the "
                + "connected account's cookies); leave it out"
        case .credential:
            return "\(what) carries the API's credentials, which Paragon's proxy sends from the user's connected "
                + "account; leave it out"
        case .reservedHeader:
            return "\(what) is a header this tool does not set (Paragon's proxy or the request body sets it); "
                + "leave it out"
        case .invalidHeaderName:
            return "\(what) is not a valid header name, so this tool cannot send it; leave it out"
        case .file:
            return "\(what) is a file, which this tool cannot send; leave it out"
        }
    }
}
