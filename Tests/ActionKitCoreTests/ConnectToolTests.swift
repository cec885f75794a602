import ParagonAPI
import ProviderKit
import Testing

@testable import ActionKitCore

/// `only_connected`: the project's integrations the user has not connected, offered by
/// `CONNECT_INTEGRATION`, whose calls answer "needs connection".
@Suite struct ConnectToolTests {
    static let project = [
        ParagonIntegration(type: "slack"), ParagonIntegration(type: "googleCalendar"),
        ParagonIntegration(type: "custom", customName: "Spotify"), ParagonIntegration(type: "hubspot"),
    ]

    @Test func theOfferIsTheProjectsIntegrationsNotConnected() {
        let offered = ConnectTool.unconnected(project: Self.project, connected: ["slack"], limits: HostLimits())
        #expect(offered == ["custom.spotify", "googleCalendar", "hubspot"])
        // LIMIT_TO_INTEGRATIONS narrows the offer.
        let limited = ConnectTool.unconnected(
            project: Self.project, connected: ["slack"], limits: HostLimits(integrations: ["slack", "hubspot"]))
        #expect(limited == ["hubspot"])
    }

    @Test func theToolOffersThemAsAnEnum() throws {
        let tool = try #require(ConnectTool.descriptor(offering: ["github", "notion"]))
        #expect(tool.name == "CONNECT_INTEGRATION" && tool.integration == "*")
        #expect(tool.title == "Connect an integration")
        #expect(tool.inputSchema["properties"]?["integration"]?["enum"] == ["github", "notion"])
        #expect(tool.inputSchema["required"] == ["integration"])
        #expect(tool.annotations?["readOnlyHint"] == true && tool.annotations?["openWorldHint"] == true)
        #expect(tool.annotations?["destructiveHint"] == false)
    }

    @Test func withNothingLeftToConnectThereIsNoTool() {
        #expect(ConnectTool.descriptor(offering: []) == nil)
        let all = ConnectTool.unconnected(
            project: Self.project, connected: ["slack", "googleCalendar", "custom.spotify", "hubspot"],
            limits: HostLimits())
        #expect(all.isEmpty)
    }

    @Test func aCallNamesAnIntegrationWithinTheLimits() throws {
        #expect(try ConnectTool.integration(in: ["integration": "github"], limits: HostLimits()) == "github")
        #expect(throws: ProviderError.toolError("integration is required")) {
            try ConnectTool.integration(in: [:], limits: HostLimits())
        }
        #expect(throws: ProviderError.self) {
            try ConnectTool.integration(in: ["integration": "github"], limits: HostLimits(integrations: ["slack"]))
        }
    }
}
