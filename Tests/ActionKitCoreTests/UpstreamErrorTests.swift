import ParagonAPI
import ProviderKit
import Testing

/// How Paragon's answers and transport failures reach the agent.
@Suite struct UpstreamErrorTests {
    /// A request that got no response: the service could not be reached, and the host's
    /// message says why; nothing else is added.
    @Test func aTransportFailureNamesTheServiceAndTheHostsReason() {
        #expect(
            UpstreamError.unreachable("the Paragon Proxy API", .connectionFailed("the connection was reset"))
                == .upstreamFailure(
                    status: 0, message: "the Paragon Proxy API could not be reached: the connection was reset"))
        #expect(
            UpstreamError.unreachable("Zeus", .timeout("the request timed out"))
                == .upstreamFailure(status: 0, message: "Zeus could not be reached: the request timed out"))
        #expect(
            UpstreamError.unreachable("ActionKit", .connectionFailed(" \n"))
                == .upstreamFailure(status: 0, message: "ActionKit could not be reached"))
    }

    @Test func anErrorAnswerGivesItsStatusAndMessage() {
        let json = HTTPResponse(status: 422, body: Array(#"{"message":"bad channel"}"#.utf8))
        #expect(UpstreamError.failure(json) == .upstreamFailure(status: 422, message: "bad channel"))
        let page = HTTPResponse(status: 502, body: Array("  <h1>Bad gateway</h1>\n".utf8))
        #expect(UpstreamError.failure(page) == .upstreamFailure(status: 502, message: "<h1>Bad gateway</h1>"))
        let notEnabled = HTTPResponse(
            status: 400, body: Array(#"{"message":"Integration not enabled for user."}"#.utf8))
        #expect(UpstreamError.failure(notEnabled, integration: "slack") == .needsConnection(integration: "slack"))
    }
}
