import ArgumentParser
import Auth
import Foundation
import Hummingbird
import JWTKit
import Logging
import Sandbox
import ServiceLifecycle
import Settings

/// `paragon-mcp sandbox`: the offline Paragon on its own, for tests, demos and other servers.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the Paragon sandbox alone: an offline ActionKit, Zeus, Proxy API and Connect SDK.",
        discussion: """
            Prints its base URL, its project id and the users it knows with their connected \
            integrations and a user token for each. Point ACTIONKIT_BASE_URL, ZEUS_BASE_URL, \
            PROXY_BASE_URL and CONNECT_SDK_CDN_URL (<base>/sdk/index.js) at it.
            """)

    @Option(name: .long, help: "Port to listen on.") var port = 3101
    @Option(name: .long, help: "Address to bind.") var host = "127.0.0.1"
    @Option(name: .long, help: "A file with the RSA private key (PEM) that signs user tokens.")
    var signingKeyPath: String?
    @Option(
        name: .long,
        help: "The RSA private key (PEM; literal \\n allowed) itself, or $SIGNING_KEY; default: a fresh key.")
    var signingKey: String?
    @Option(name: .long, help: "A catalog file (JSON) instead of the bundled one.") var catalog: String?
    @Option(name: .long, help: "A synthetic catalog of INTEGRATIONSxACTIONS, e.g. 130x20.") var synthetic: String?
    @Option(name: .long, help: "The project id of its API paths.") var projectId = "sandbox-project"

    func run() async throws {
        LogSetup.bootstrap(LogSettings(level: "info", format: .text))
        let logger = Logger(label: "paragon-sandbox")
        let key: JWTKit.Insecure.RSA.PrivateKey
        let inline = signingKey ?? ProcessInfo.processInfo.environment["SIGNING_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if let signingKeyPath {
            guard let pem = try? String(contentsOfFile: signingKeyPath, encoding: .utf8),
                let parsed = try? JWTKit.Insecure.RSA.PrivateKey(pem: ConfigLoader.unescapeNewlines(pem))
            else {
                printError("error: \(signingKeyPath) is not a readable PEM-encoded RSA private key")
                throw ExitCode.failure
            }
            key = parsed
        } else if let inline {
            guard let parsed = try? JWTKit.Insecure.RSA.PrivateKey(pem: ConfigLoader.unescapeNewlines(inline)) else {
                printError("error: the signing key is not a PEM-encoded RSA private key")
                throw ExitCode.failure
            }
            key = parsed
        } else {
            key = try SigningKeys.generate()
        }
        let catalog: SandboxCatalog
        do {
            catalog = try loadCatalog()
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        let sandbox = await Sandbox(catalog: catalog, signingKey: key, projectID: projectId)
        let host = self.host
        let app = sandbox.application(host: host, port: port, logger: logger) { channel in
            let port = channel.localAddress?.port ?? 0
            var lines = ["Paragon sandbox at http://\(host):\(port) (project \(sandbox.projectID))"]
            for user in sandbox.state.users {
                let connected = sandbox.state.connectedIntegrations(of: user).joined(separator: ", ")
                let token = (try? await sandbox.userToken(for: user)) ?? "?"
                lines.append("  user \(user): connected [\(connected)]\n    token: \(token)")
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private func loadCatalog() throws -> SandboxCatalog {
        if let synthetic {
            let parts = synthetic.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw ValidationError("--synthetic takes INTEGRATIONSxACTIONS, e.g. 130x20")
            }
            return .synthetic(integrations: parts[0], actionsPerIntegration: parts[1])
        }
        if let catalog { return try .load(contentsOf: URL(fileURLWithPath: catalog)) }
        return try .bundled()
    }
}
