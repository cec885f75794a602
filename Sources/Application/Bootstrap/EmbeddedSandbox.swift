import Foundation
import Hummingbird
import JWTKit
import Logging
import NIOCore
import Sandbox
import ServiceLifecycle
import Settings

/// The Paragon sandbox running inside the server's process on loopback, for the default run:
/// no Paragon project configured, outside production mode (or `--sandbox`).
final class EmbeddedSandbox: Sendable {
    let sandbox: Sandbox
    /// `http://127.0.0.1:<port>`.
    let baseURL: String
    /// The key that signs users' tokens, for the server and the sandbox alike: the configured
    /// one, or a fresh one for this run.
    let signingKey: JWTKit.Insecure.RSA.PrivateKey
    private let group: ServiceGroup

    private init(
        sandbox: Sandbox, baseURL: String, signingKey: JWTKit.Insecure.RSA.PrivateKey, group: ServiceGroup
    ) {
        self.sandbox = sandbox
        self.baseURL = baseURL
        self.signingKey = signingKey
        self.group = group
    }

    /// Starts the sandbox with the bundled catalog on a free loopback port; returns once it listens.
    static func start(signingKey key: JWTKit.Insecure.RSA.PrivateKey, logger: Logger) async throws -> EmbeddedSandbox {
        let sandbox = await Sandbox(catalog: try .bundled(), signingKey: key)
        var quiet = logger
        quiet.logLevel = .warning
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = sandbox.application(host: "127.0.0.1", port: 0, logger: quiet) { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        // Its own service group, so that `stop` shuts it down gracefully: a cancelled Hummingbird
        // server logs an error on its way out.
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: quiet)
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw BootstrapError.sandboxFailed
        }
        return EmbeddedSandbox(
            sandbox: sandbox, baseURL: "http://127.0.0.1:\(port)", signingKey: key, group: group)
    }

    /// Points the configuration at the sandbox: its project, its URLs, this run's key, development mode.
    func configure(_ config: inout HostConfig) {
        config.paragon.projectID = sandbox.projectID
        config.paragon.actionKitURL = baseURL
        config.paragon.zeusURL = baseURL
        config.paragon.proxyURL = baseURL
        config.paragon.connectSDKURL = baseURL + "/sdk/index.js"
        config.server.mode = .development
    }

    /// Begins a graceful shutdown: the listener closes and open connections finish.
    func stop() {
        Task { [group] in await group.triggerGracefulShutdown() }
    }

    /// What a newcomer needs: that this is the sandbox, the URL for an MCP client, and who is
    /// connected to what.
    func banner(mcpURL: String?) -> String {
        let users = sandbox.state.users
        var lines = [
            "",
            "paragon-mcp is running on the Paragon sandbox: no Paragon project is configured, so an",
            "offline stand-in for Paragon answers (development mode).",
            "",
        ]
        if let mcpURL, let first = users.first {
            lines += ["  MCP client URL:  \(mcpURL)?user=\(first)", ""]
        }
        lines.append("  Users and the integrations they have connected:")
        for user in users {
            let connected = sandbox.state.connectedIntegrations(of: user)
            lines.append("    \(user): \(connected.isEmpty ? "(none)" : connected.joined(separator: ", "))")
        }
        let all = sandbox.catalog.integrations.map(\.name).joined(separator: ", ")
        lines += [
            "  Integrations: \(all)",
            "  Tools of an integration a user has not connected answer with a setup link.",
            "",
            "  To use your Paragon project, set PROJECT_ID and SIGNING_KEY (or SIGNING_KEY_PATH).",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
