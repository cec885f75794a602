import JSONCore

/// What a 2026-07-28 request says of itself in `params._meta` (MCP 2026-07-28, Basic:
/// request metadata): its protocol version and client capabilities (required) and whether it
/// asked for progress. Client info and a log level may come too; this server reads neither
/// (it sends no `notifications/message`).
package struct RequestEnvelope: Sendable {
    /// `_meta` key of the request's protocol version (a string).
    package static let protocolVersionKey = "io.modelcontextprotocol/protocolVersion"
    /// `_meta` key of the client's capabilities for this request (an object).
    package static let capabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    /// `_meta` key of the server's name and version, stamped on every result.
    package static let serverInfoKey = "io.modelcontextprotocol/serverInfo"
    /// `_meta` key tagging each frame of a listen stream with the listen request's id.
    package static let subscriptionIDKey = "io.modelcontextprotocol/subscriptionId"

    /// The version the request speaks (served only when in ``ProtocolEra/statelessVersions``).
    package var protocolVersion: String
    /// What this request's client can do; nothing is remembered for its next request.
    package var capabilities: ClientCapabilities
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
                wantsProgress: meta?["progressToken"].map { $0 != .null } ?? false))
    }

    /// True when `message`'s params carry a 2026-07-28 protocol version in `_meta`: a modern
    /// request, whatever its headers say.
    package static func isStateless(_ params: JSONValue?) -> Bool {
        params?["_meta"]?[protocolVersionKey] != nil
    }
}
