import JSONCore

/// What a 2026-07-28 request says of itself in `params._meta` (MCP 2026-07-28, Basic:
/// request metadata): its protocol version and client capabilities (required), client info,
/// progress token and log level (optional).
package struct RequestEnvelope: Sendable {
    package static let protocolVersionKey = "io.modelcontextprotocol/protocolVersion"
    package static let capabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    package static let clientInfoKey = "io.modelcontextprotocol/clientInfo"
    package static let logLevelKey = "io.modelcontextprotocol/logLevel"
    package static let serverInfoKey = "io.modelcontextprotocol/serverInfo"
    package static let subscriptionIDKey = "io.modelcontextprotocol/subscriptionId"

    package var protocolVersion: String
    package var capabilities: ClientCapabilities
    /// `clientInfo.name`, for logs only.
    package var clientName: String?
    /// `progressToken`: the client wants progress, so the answer goes out as an event stream.
    package var wantsProgress: Bool

    /// Reads the envelope of `params`; -32602 when `_meta` lacks the protocol version (a
    /// string) or the client capabilities (an object), which MCP 2026-07-28 requires.
    package static func read(_ params: JSONValue?) -> Result<RequestEnvelope, JSONRPCError> {
        let meta = params?["_meta"]
        guard let version = meta?[protocolVersionKey]?.stringValue else {
            return .failure(
                .invalidParams("Invalid params: _meta must carry \(protocolVersionKey) (a string)"))
        }
        guard let capabilities = meta?[capabilitiesKey], capabilities.objectValue != nil else {
            return .failure(.invalidParams("Invalid params: _meta must carry \(capabilitiesKey) (an object)"))
        }
        return .success(
            RequestEnvelope(
                protocolVersion: version, capabilities: ClientCapabilities(capabilities),
                clientName: meta?[clientInfoKey]?["name"]?.stringValue,
                wantsProgress: meta?["progressToken"].map { $0 != .null } ?? false))
    }

    /// True when `message`'s params carry a 2026-07-28 protocol version in `_meta`: a modern
    /// request, whatever its headers say.
    package static func isStateless(_ params: JSONValue?) -> Bool {
        params?["_meta"]?[protocolVersionKey] != nil
    }
}
