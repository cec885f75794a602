import JSONCore

/// How a call that needs an account connected asks for it, by what the caller can show.
package enum ConnectPrompt: Equatable {
    /// A text result with the setup link as Markdown (every client; the only way before
    /// 2025-11-25 and for clients without URL elicitation).
    case text
    /// Error -32042 carrying a URL elicitation (MCP 2025-11-25, Elicitation: URL mode
    /// required error); `notifications/elicitation/complete` follows when the user connects.
    case urlElicitationError
    /// An `input_required` result carrying a URL elicitation and a `requestState` to retry with
    /// (MCP 2026-07-28, multi-round-trip requests).
    case inputRequired

    /// The prompt for `caller`; `canResume` is false when the server cannot seal request states.
    package init(caller: Caller, resumable canResume: Bool) {
        guard caller.capabilities.urlElicitation else {
            self = .text
            return
        }
        switch caller.era {
        case .stateless: self = canResume ? .inputRequired : .text
        case .handshake:
            self = ProtocolVersion.atLeast(caller.protocolVersion, "2025-11-25") ? .urlElicitationError : .text
        }
    }

    /// A URL-mode `elicitation/create` params object; `elicitationID` for 2025-11-25 only.
    package static func elicitation(url: String, message: String, elicitationID: String?) -> JSONValue {
        var params: [String: JSONValue] = ["mode": "url", "url": .string(url), "message": .string(message)]
        if let elicitationID { params["elicitationId"] = .string(elicitationID) }
        return .object(params)
    }

    /// The `input_required` result of a call waiting for a connection.
    package static func inputRequired(url: String, message: String, requestState: String) -> JSONValue {
        [
            "resultType": "input_required",
            "inputRequests": [
                ResumableCalls.inputKey: [
                    "method": "elicitation/create",
                    "params": elicitation(url: url, message: message, elicitationID: nil),
                ]
            ],
            "requestState": .string(requestState),
        ]
    }
}
