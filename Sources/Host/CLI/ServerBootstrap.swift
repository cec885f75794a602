import ArgumentParser
import Foundation
import JWTKit
import Logging

/// Everything a serving process needs, built from the configuration: logging, providers,
/// keys, the registry and the MCP server, and the sandbox when it stands in for Paragon.
struct ServerBootstrap {
    let config: HostConfig
    let logger: Logger
    let registry: ToolRegistry
    let server: MCPServer
    /// Running when no Paragon project is configured outside production mode, or with `--sandbox`.
    let sandbox: EmbeddedSandbox?

    /// `make`, printing a bootstrap error and exiting with status 1 on failure.
    static func makeOrExit(_ options: CommonOptions, forceSandbox: Bool = false) async throws -> ServerBootstrap {
        do {
            return try await make(options, forceSandbox: forceSandbox)
        } catch let error as BootstrapError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Loads providers (a failing one is logged, the rest serve) and the token keys. Fails when
    /// tokens cannot be verified (production needs a signing key) and when production mode has
    /// no Paragon project for its Paragon providers: it never falls back to the sandbox silently.
    static func make(_ options: CommonOptions, forceSandbox: Bool = false) async throws -> ServerBootstrap {
        var config = try CLIConfig.load(options)
        LogSetup.bootstrap(config.logging)
        let logger = Logger(label: "paragon-mcp")
        let useSandbox = forceSandbox || (config.paragon.projectID.isEmpty && config.server.mode == .development)
        if !useSandbox, config.paragon.projectID.isEmpty {
            let paragonProviders = config.enabledProviders.map(\.name).filter(Self.paragonProviders.contains)
            if !paragonProviders.isEmpty { throw BootstrapError.noProject(providers: paragonProviders) }
        }
        guard let key = try SigningKeys.load(config) ?? (useSandbox ? SigningKeys.generate() : nil) else {
            throw BootstrapError.noSigningKey
        }
        var sandbox: EmbeddedSandbox?
        if useSandbox {
            let embedded = try await EmbeddedSandbox.start(signingKey: key, logger: logger)
            embedded.configure(&config)
            sandbox = embedded
        } else if config.paragon.signingKeyPEM == nil {
            logger.warning("development mode without a signing key: using a fresh key for this run")
        }
        let loader = ProviderLoader(config: config, logger: logger)
        let registry = loader.registry(of: loader.load())
        // Two providers offering one tool name is a start-up error (checked on the lists made for
        // no particular user; per-user lists are checked again as they are made).
        if let catalog = try? await registry.catalog(for: .nobody, requestID: "startup"),
            let duplicate = catalog.duplicates.first
        {
            await registry.shutdown()
            sandbox?.stop()
            throw BootstrapError.duplicateTool(
                RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers))
        }
        let server = await MCPServer(config: config, registry: registry, signingKey: key, logger: logger)
        return ServerBootstrap(config: config, logger: logger, registry: registry, server: server, sandbox: sandbox)
    }

    /// The built-in providers that call Paragon.
    static let paragonProviders: Set<String> = ["actionkit", "openapi", "proxy"]
}

enum BootstrapError: Error, CustomStringConvertible {
    case noSigningKey
    case noProject(providers: [String])
    case sandboxFailed
    case portInUse(Int)
    case duplicateTool(RegistryError)

    var description: String {
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
        }
    }
}
