import ArgumentParser
import Auth
import Cluster
import Foundation
import JWTKit
import Logging
import MCPCore
import NIOCore
import Observability
import PluginRuntime
import Serving
import Settings

/// Everything a serving process needs, built from the configuration: logging, keys, the MCP
/// server, the reloader that loads its providers, and the sandbox when it stands in for Paragon.
/// The server starts with no providers and answers 503 until `reloader.start()` has run.
struct ServerBootstrap {
    let config: HostConfig
    let logger: Logger
    let server: MCPServer
    let reloader: ConfigReloader
    /// What the providers share: outbound HTTP, deadlines. Shut down after the registry.
    let runtime: ProviderRuntime
    /// Running when no Paragon project is configured outside production mode, or with `--sandbox`.
    let sandbox: EmbeddedSandbox?
    /// Cluster mode's store and events, when `cluster.database_url` is set.
    let cluster: ClusterRuntime?

    /// `make`, printing a bootstrap error and exiting with status 1 on failure.
    static func makeOrExit(_ options: CommonOptions, forceSandbox: Bool = false) async throws -> ServerBootstrap {
        do {
            return try await make(options, forceSandbox: forceSandbox)
        } catch let error as BootstrapError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Fails when tokens cannot be verified (production needs a signing key) and when
    /// production mode has no Paragon project for its Paragon providers: it never falls back
    /// to the sandbox silently.
    static func make(_ options: CommonOptions, forceSandbox: Bool = false) async throws -> ServerBootstrap {
        var config = try CLIConfig.load(options)
        LogSetup.bootstrap(config.logging)
        let logger = Logger(label: "paragon-mcp")
        let (key, sandbox) = try await paragon(for: &config, forceSandbox: forceSandbox, logger: logger)
        let useSandbox = sandbox != nil
        let metrics = ServerMetrics()
        let empty = ToolRegistry(
            providers: [], filter: ToolFilter(config.limits), callTimeout: .milliseconds(config.server.callTimeoutMs),
            logger: logger)
        var cluster: ClusterRuntime?
        if let url = config.cluster.databaseURL {
            cluster = try await ClusterRuntime(
                url: url, signingKeyDER: Array(key.derRepresentation), mode: config.server.mode,
                sessionIdleTimeout: .milliseconds(config.server.sessionIdleTimeoutMs), logger: logger, metrics: metrics)
        }
        let runtime = ProviderRuntime()
        let server = await MCPServer(
            config: config, registry: empty, signingKey: key, httpClient: runtime.http.client, logger: logger,
            metrics: metrics, readiness: .starting, ledger: cluster?.ledger ?? ConsumedRequestStates(),
            cluster: cluster?.link)
        await cluster?.attach(to: server)
        let reloader = ConfigReloader(
            config: config, server: server, runtime: runtime, onSandbox: useSandbox, logger: logger,
            load: { () throws(ConfigErrors) in try ConfigLoader.forProcess(configPath: options.config).load() },
            adjust: { [sandbox] config in sandbox?.configure(&config) })
        return ServerBootstrap(
            config: config, logger: logger, server: server, reloader: reloader, runtime: runtime, sandbox: sandbox,
            cluster: cluster)
    }

    /// Who answers for Paragon, and the key that signs and verifies user tokens: the configured
    /// project and key, or the embedded sandbox (started here, `config` pointed at it) when no
    /// project is configured outside production mode or `forceSandbox` asks for it.
    static func paragon(
        for config: inout HostConfig, forceSandbox: Bool, logger: Logger
    ) async throws -> (key: JWTKit.Insecure.RSA.PrivateKey, sandbox: EmbeddedSandbox?) {
        let useSandbox = forceSandbox || (config.paragon.projectID.isEmpty && config.server.mode == .development)
        let lacking = ConfigReloader.providersLackingProject(config, onSandbox: useSandbox)
        if !lacking.isEmpty { throw BootstrapError.noProject(providers: lacking) }
        guard let key = try SigningKeys.load(config) ?? (useSandbox ? SigningKeys.generate() : nil) else {
            throw BootstrapError.noSigningKey
        }
        guard useSandbox else {
            if config.paragon.signingKeyPEM == nil {
                logger.warning("development mode without a signing key: using a fresh key for this run")
            }
            return (key, nil)
        }
        let embedded = try await EmbeddedSandbox.start(signingKey: key, logger: logger)
        embedded.configure(&config)
        return (key, embedded)
    }

    /// Loads the providers now (stdio, which has no listener to report readiness on); a start-up
    /// error is printed, everything built is shut down, and the process exits with status 1.
    func startOrExit() async throws {
        do {
            try await reloader.start()
        } catch {
            printError("error: \(error)")
            await shutdown(reason: "start-up failed")
            throw ExitCode.failure
        }
    }

    /// Closes the sessions, destroys the providers after their last call, then shuts the
    /// providers' runtime down (its HTTP client last).
    func shutdown(reason: String) async {
        server.sessions.closeAll(reason: reason)
        await server.dispatcher.registry.shutdown()
        await reloader.retirementsFinished()
        await runtime.shutdown()
        await cluster?.leave()
    }

    /// The built-in providers that call Paragon.
    static let paragonProviders: Set<String> = ["actionkit", "openapi", "proxy"]
}

package enum BootstrapError: Error, CustomStringConvertible {
    /// Whether binding failed because another process holds the address (`EADDRINUSE`, as
    /// SwiftNIO's `IOError` reports it).
    static func isAddressInUse(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }

    case noSigningKey
    case noProject(providers: [String])
    case sandboxFailed
    case portInUse(Int)
    case duplicateTool(RegistryError)
    /// Cluster mode's store cannot be used (unreachable, refused, or its schema not migrated).
    case cluster(ClusterError)

    package var description: String {
        switch self {
        case .noSigningKey:
            return "no signing key: set SIGNING_KEY or SIGNING_KEY_PATH (or paragon.signing_key_path in "
                + "config.yaml) to verify Paragon user tokens, or run in development mode (NODE_ENV=development)"
        case .noProject(let providers):
            return "no Paragon project is configured (PROJECT_ID), but production mode runs the Paragon providers "
                + "\(providers.joined(separator: ", ")): set PROJECT_ID and SIGNING_KEY (or SIGNING_KEY_PATH), "
                + "disable those providers in config.yaml, or try the server offline with --sandbox"
        case .sandboxFailed:
            return "the Paragon sandbox could not start on 127.0.0.1"
        case .portInUse(let port):
            return "port \(port) is already in use: stop the other server or set PORT"
        case .duplicateTool(let error):
            return "\(error): disable one of them in config.yaml, or rename the tool"
        case .cluster(.signingKeyDiffers(let store, let secondsAgo)):
            return "\(ClusterError.signingKeyDiffers(store: store, secondsAgo: secondsAgo))"
        case .cluster(let error):
            return "\(error); check cluster.database_url (DATABASE_URL), or unset it to run one instance in memory"
        }
    }
}
