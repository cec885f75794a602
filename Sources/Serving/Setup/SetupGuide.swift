import MCPCore

/// The server's help for a call that needs an account connected: links signed by
/// ``SetupLinks``, names from ``IntegrationNames`` and connection states from
/// ``ConnectedIntegrations`` (unknown without one).
package struct SetupGuide: ConnectionSetup {
    package let links: SetupLinks
    package let names: IntegrationNames
    package let connections: ConnectedIntegrations?

    package init(links: SetupLinks, names: IntegrationNames, connections: ConnectedIntegrations? = nil) {
        self.links = links
        self.names = names
        self.connections = connections
    }

    package var linkLifetimeSeconds: Int { Int(links.lifetime) }

    package func link(userID: String, integration: String, elicitationID: String?) async throws -> String {
        try await links.link(userID: userID, integration: integration, elicitationID: elicitationID)
    }

    package func displayName(of integration: String, token: String) async -> String {
        await names.displayName(of: integration, token: token)
    }

    package func connectedIntegrations(userID: String, token: String) async -> Set<String>? {
        await connections?.keys(userID: userID, token: token)
    }
}
