import PluginABI

/// Why a request through the host's HTTP service got no response.
public enum HTTPFailure: Error, Sendable, Equatable {
    case invalidRequest(String)
    /// The URL's host is not on the provider's allow-list in config.yaml.
    case hostNotAllowed(String)
    case timeout(String)
    case connectionFailed(String)
    /// The response exceeded the host's size cap.
    case responseTooLarge(String)
    case cancelled(String)

    init(code: Int32, message: String) {
        switch UInt32(bitPattern: code) {
        case PARAGON_MCP_HTTP_ERROR_INVALID.rawValue: self = .invalidRequest(message)
        case PARAGON_MCP_HTTP_ERROR_NOT_ALLOWED.rawValue: self = .hostNotAllowed(message)
        case PARAGON_MCP_HTTP_ERROR_TIMEOUT.rawValue: self = .timeout(message)
        case PARAGON_MCP_HTTP_ERROR_TOO_LARGE.rawValue: self = .responseTooLarge(message)
        case PARAGON_MCP_HTTP_ERROR_CANCELLED.rawValue: self = .cancelled(message)
        default: self = .connectionFailed(message)
        }
    }

    /// A message for logs and for the agent.
    public var message: String {
        switch self {
        case .invalidRequest(let text), .hostNotAllowed(let text), .timeout(let text),
            .connectionFailed(let text), .responseTooLarge(let text), .cancelled(let text):
            return text
        }
    }
}
