import JSONCore
import Testing

@testable import MCPCore

/// How a call waiting for a connected account asks for it, by what its caller can show.
@Suite struct ConnectPromptTests {
    func caller(_ era: ProtocolEra, _ version: String, url: Bool) -> Caller {
        Caller(
            identity: UserIdentity(userID: "alice", token: "t"), protocolVersion: version, era: era,
            capabilities: ClientCapabilities(urlElicitation: url))
    }

    @Test func thePromptFollowsEraVersionAndCapability() {
        let cases: [(Caller, Bool, ConnectPrompt)] = [
            (caller(.stateless, "2026-07-28", url: false), true, .text),
            (caller(.handshake, "2025-11-25", url: false), true, .text),
            (caller(.stateless, "2026-07-28", url: true), true, .inputRequired),
            (caller(.stateless, "2026-07-28", url: true), false, .text),
            (caller(.handshake, "2025-11-25", url: true), true, .urlElicitationError),
            (caller(.handshake, "2025-11-25", url: true), false, .urlElicitationError),
            (caller(.handshake, "2025-06-18", url: true), true, .text),
            (caller(.handshake, "2024-11-05", url: true), true, .text),
        ]
        for (caller, resumable, prompt) in cases {
            #expect(
                ConnectPrompt(caller: caller, resumable: resumable) == prompt,
                "\(caller.era) \(caller.protocolVersion) url \(caller.capabilities.urlElicitation) resumable \(resumable)"
            )
        }
    }

    @Test func theInputRequiredResultCarriesAURLElicitationAndTheState() {
        let result = ConnectPrompt.inputRequired(url: "https://setup.example/x", message: "Connect", requestState: "s")
        #expect(result["resultType"] == "input_required")
        #expect(result["requestState"] == "s")
        let request = result["inputRequests"]?[ResumableCalls.inputKey]
        #expect(request?["method"] == "elicitation/create")
        #expect(request?["params"] == ["mode": "url", "url": "https://setup.example/x", "message": "Connect"])
        #expect(
            ConnectPrompt.elicitation(url: "u", message: "m", elicitationID: "e")
                == ["mode": "url", "url": "u", "message": "m", "elicitationId": "e"])
    }
}
