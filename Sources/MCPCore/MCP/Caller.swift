import JSONCore
import Settings

/// Who a request comes from and what its client speaks: the user it acts for, the protocol
/// version and era, and the optional client capabilities the answer may use. A session makes
/// one from what its `initialize` negotiated; a 2026-07-28 request from its own `params._meta`
/// (MCP 2026-07-28: nothing is inferred from earlier requests).
package struct Caller: Sendable {
    /// The user the request acts for; their token goes upstream.
    package var identity: UserIdentity
    /// The negotiated (handshake era) or declared (2026-07-28) protocol version.
    package var protocolVersion: String
    /// Which era the request belongs to.
    package var era: ProtocolEra
    /// The optional capabilities the answer may use.
    package var capabilities: ClientCapabilities
    /// The client's `clientInfo.name` from `initialize` (handshake era); empty when unknown.
    package var clientName: String
    /// The tool mode the client's URL asks for (`/mcp?tools=search`); nil: the configured one.
    package var toolMode: ToolMode?

    /// A caller as described.
    package init(
        identity: UserIdentity, protocolVersion: String, era: ProtocolEra,
        capabilities: ClientCapabilities = ClientCapabilities(), clientName: String = "", toolMode: ToolMode? = nil
    ) {
        self.identity = identity
        self.protocolVersion = protocolVersion
        self.era = era
        self.capabilities = capabilities
        self.clientName = clientName
        self.toolMode = toolMode
    }
}

/// The optional client capabilities this server may use.
package struct ClientCapabilities: Sendable, Equatable {
    /// URL-mode elicitation (`elicitation.url`; MCP 2025-11-25 and later). `elicitation: {}`
    /// alone means form mode only.
    package var urlElicitation: Bool

    /// Capabilities as given; none by default.
    package init(urlElicitation: Bool = false) {
        self.urlElicitation = urlElicitation
    }

    /// Reads a `capabilities` / `clientCapabilities` object; anything unreadable declares nothing.
    package init(_ value: JSONValue?) {
        urlElicitation = value?["elicitation"]?["url"]?.objectValue != nil
    }
}
