import ArgumentParser
import Foundation
import JWTKit
import Logging

/// Everything a serving process needs, built from the configuration: logging, providers,
/// keys, the registry and the MCP server.
struct ServerBootstrap {
    let config: HostConfig
    let logger: Logger
    let registry: ToolRegistry
    let server: MCPServer

    /// `make`, printing a bootstrap error and exiting with status 1 on failure.
    static func makeOrExit(_ options: CommonOptions) async throws -> ServerBootstrap {
        do {
            return try await make(options)
        } catch let error as BootstrapError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Loads providers (a failing one is logged, the rest serve) and the token keys. Fails when
    /// tokens cannot be verified: production needs a signing key.
    static func make(_ options: CommonOptions) async throws -> ServerBootstrap {
        let config = try CLIConfig.load(options)
        LogSetup.bootstrap(config.logging)
        let logger = Logger(label: "paragon-mcp")
        guard let key = try SigningKeys.load(config) else {
            throw BootstrapError.noSigningKey
        }
        if config.paragon.signingKeyPEM == nil {
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
            throw BootstrapError.duplicateTool(
                RegistryError.duplicateTool(name: duplicate.name, providers: duplicate.providers))
        }
        let authenticator = Authenticator(
            verifier: await TokenVerifier(signingKey: key), signer: await TokenSigner(signingKey: key),
            developmentMode: config.server.mode == .development)
        let server = MCPServer(config: config, authenticator: authenticator, registry: registry, logger: logger)
        return ServerBootstrap(config: config, logger: logger, registry: registry, server: server)
    }
}

enum BootstrapError: Error, CustomStringConvertible {
    case noSigningKey
    case portInUse(Int)
    case duplicateTool(RegistryError)

    var description: String {
        switch self {
        case .noSigningKey:
            return "no signing key: set SIGNING_KEY or SIGNING_KEY_PATH (or paragon.signing_key_path in "
                + "config.yaml) to verify Paragon user tokens, or run in development mode (NODE_ENV=development)"
        case .portInUse(let port):
            return "port \(port) is already in use: stop the other server or set PORT"
        case .duplicateTool(let error):
            return "\(error): disable one of them in config.yaml, or rename the tool"
        }
    }
}
