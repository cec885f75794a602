import AsyncHTTPClient
import Auth
import JWTKit
import Logging
import MCPCore
import Observability
import PluginRuntime
import Serving
import Settings

extension MCPServer {
    /// A server whose user tokens and setup links all rest on `signingKey`; `httpClient` asks
    /// Paragon for the integrations' display names. `ledger` remembers spent request states
    /// (in memory, or cluster mode's shared one), `cluster` links the other instances.
    package convenience init(
        config: HostConfig, registry: ToolRegistry, signingKey key: JWTKit.Insecure.RSA.PrivateKey,
        httpClient: HTTPClient, logger: Logger,
        keepAlive: Duration = .seconds(15), metrics: ServerMetrics = ServerMetrics(), readiness: Readiness = .ready,
        ledger: any RequestStateLedger = ConsumedRequestStates(), cluster: (any ClusterLink)? = nil
    ) async {
        let authenticator = Authenticator(
            verifier: await TokenVerifier(signingKey: key), signer: await TokenSigner(signingKey: key),
            developmentMode: config.server.mode == .development)
        let setupLinks = await SetupLinks(
            signingKey: key, publicURL: config.server.publicURL, projectID: config.paragon.projectID,
            lifetimeSeconds: config.server.setupLinkTTLSeconds)
        let names = IntegrationNames(
            zeusURL: config.paragon.zeusURL, projectID: config.paragon.projectID, client: httpClient,
            logger: logger)
        let connections = ConnectedIntegrations(
            zeusURL: config.paragon.zeusURL, projectID: config.paragon.projectID, client: httpClient, logger: logger)
        // A state outlives its setup link by ten minutes: time to connect, then retry.
        let resumable = ResumableCalls(
            seal: RequestStateSeal(key: RequestStateSeal.derivedKey(from: Array(key.derRepresentation))),
            ledger: ledger, lifetimeSeconds: config.server.setupLinkTTLSeconds + 600)
        self.init(
            config: config, authenticator: authenticator, registry: registry, setupLinks: setupLinks,
            integrationNames: names, logger: logger, keepAlive: keepAlive, metrics: metrics, readiness: readiness,
            resumable: resumable, connectedIntegrations: connections, cluster: cluster)
    }
}
