import JSONCore
import Settings

/// What another instance needs to serve a handshake-era session it did not create (cluster
/// mode): whose it is, how its client reaches it and what was negotiated in `initialize`. None
/// of it changes after `initialize`, so an instance that has read it once keeps it. The token is
/// not part of it: every request brings its own, of the same user (see
/// ``MCPSession/adopt(_:now:)``).
package struct SessionRecord: Sendable, Equatable {
    /// The `sub` of the token that created the session.
    package var userID: String
    package var transport: SessionTransport
    package var protocolVersion: String
    package var clientName: String
    /// The tool mode of the URL the session was opened with (`?tools=`); nil: the configured one.
    package var toolMode: ToolMode?
    package var capabilities: ClientCapabilities

    package init(
        userID: String, transport: SessionTransport, protocolVersion: String, clientName: String,
        toolMode: ToolMode?, capabilities: ClientCapabilities
    ) {
        self.userID = userID
        self.transport = transport
        self.protocolVersion = protocolVersion
        self.clientName = clientName
        self.toolMode = toolMode
        self.capabilities = capabilities
    }

    /// The negotiated part as one JSON object (`{"protocolVersion", "clientName", "toolMode"?,
    /// "urlElicitation"}`), as the shared store keeps it beside the user and transport.
    package var negotiated: JSONValue {
        var object: [String: JSONValue] = [
            "protocolVersion": .string(protocolVersion), "clientName": .string(clientName),
            "urlElicitation": .bool(capabilities.urlElicitation),
        ]
        if let toolMode { object["toolMode"] = .string(toolMode.rawValue) }
        return .object(object)
    }

    /// A record read back from the store; nil when any part is unreadable (written by an
    /// instance of an incompatible version).
    package init?(userID: String, transport: String, negotiated: JSONValue) {
        guard let transport = SessionTransport(rawValue: transport),
            let protocolVersion = negotiated["protocolVersion"]?.stringValue,
            let clientName = negotiated["clientName"]?.stringValue
        else { return nil }
        let toolMode = negotiated["toolMode"]?.stringValue.flatMap(ToolMode.init(rawValue:))
        self.init(
            userID: userID, transport: transport, protocolVersion: protocolVersion, clientName: clientName,
            toolMode: toolMode,
            capabilities: ClientCapabilities(urlElicitation: negotiated["urlElicitation"] == .bool(true)))
    }
}

extension MCPSession {
    /// The session as another instance would take it over.
    package var record: SessionRecord {
        state.withLock { state in
            SessionRecord(
                userID: userID, transport: transport, protocolVersion: state.protocolVersion,
                clientName: state.clientName, toolMode: state.toolMode, capabilities: state.capabilities)
        }
    }

    /// A session taken over from `record`, initialized (its `initialize` ran on the instance
    /// that created it), owned by `principal` (of the record's user).
    package convenience init(id: String, record: SessionRecord, owner principal: Principal) {
        self.init(id: id, transport: record.transport, owner: principal)
        state.withLock { state in
            state.protocolVersion = record.protocolVersion
            state.clientName = record.clientName
            state.toolMode = record.toolMode
            state.capabilities = record.capabilities
            state.initialized = true
        }
    }
}
