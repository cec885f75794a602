import MCPCore

/// The server's help for a call that needs an account connected: links signed by
/// ``SetupLinks`` and names from ``IntegrationNames``.
package struct SetupGuide: ConnectionSetup {
    package let links: SetupLinks
    package let names: IntegrationNames

    package init(links: SetupLinks, names: IntegrationNames) {
        self.links = links
        self.names = names
    }

    package var linkLifetimeSeconds: Int { Int(links.lifetime) }

    package func link(userID: String, integration: String, elicitationID: String?) async throws -> String {
        try await links.link(userID: userID, integration: integration, elicitationID: elicitationID)
    }

    package func displayName(of integration: String, token: String) async -> String {
        await names.displayName(of: integration, token: token)
    }
}
