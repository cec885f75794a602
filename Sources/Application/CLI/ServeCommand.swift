import ArgumentParser
import Foundation
import Hummingbird
import Logging
import MCPCore
import NIOCore
import ServiceLifecycle
import Serving

/// `paragon-mcp` / `paragon-mcp serve`: MCP over Streamable HTTP and legacy HTTP+SSE.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve MCP over HTTP: Streamable HTTP at /mcp and, unless disabled, HTTP+SSE at /sse.",
        discussion: "SIGTERM or SIGINT stops accepting, lets calls in flight finish, ends sessions and exits 0.")

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Run on the offline Paragon sandbox even when a Paragon project is configured.")
    var sandbox = false

    func run() async throws {
        let bootstrap = try await ServerBootstrap.makeOrExit(options, forceSandbox: sandbox)
        let config = bootstrap.config
        let logger = bootstrap.logger
        let embedded = bootstrap.sandbox
        defer { embedded?.stop() }
        let libraryLogger = LogSetup.forLibraries(logger, config.logging)
        // The listener comes up first (answering 503 and /healthz), then the providers load. On
        // the sandbox the banner is the first thing a newcomer sees, as soon as the port is known.
        let (ports, bound) = AsyncStream<Int>.makeStream()
        let app = HTTPFront.application(
            for: bootstrap.server, host: config.server.host, port: config.server.port, logger: libraryLogger
        ) { channel in
            let port = channel.localAddress?.port ?? config.server.port
            if let embedded {
                let url = config.server.port == 0 ? "http://localhost:\(port)" : config.server.publicURL
                FileHandle.standardOutput.write(Data((embedded.banner(mcpURL: url + "/mcp") + "\n").utf8))
            }
            bound.yield(port)
            bound.finish()
        }
        let ready = ReloadService(
            reloader: bootstrap.reloader,
            listening: {
                var iterator = ports.makeAsyncIterator()
                return await iterator.next()
            },
            onReady: { port in
                let address = "http://\(config.server.host):\(port)"
                logger.notice("paragon-mcp listening on \(address) (\(config.server.mode.rawValue) mode)")
            })
        var services: [any Service] = [app]
        if let metrics = HTTPFront.metricsApplication(for: bootstrap.server, logger: libraryLogger) {
            services.append(metrics)
        }
        // Shut down in reverse order: first readiness turns to draining, then streams close, then
        // the listener stops accepting and lets calls in flight finish.
        services += [SessionShutdownService(server: bootstrap.server), ready]
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: libraryLogger)
        // Calls in flight get this long to finish after SIGTERM; then they are cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(15)
        let group = ServiceGroup(configuration: groupConfiguration)
        var failure: (any Error)?
        do {
            try await group.run()
        } catch  where BootstrapError.isAddressInUse(error) {
            printError("error: \(BootstrapError.portInUse(config.server.port))")
            failure = ExitCode.failure
        } catch let error as ReloadError {
            printError("error: \(error)")
            failure = ExitCode.failure
        } catch {
            failure = error
        }
        await bootstrap.shutdown(reason: "server stopped")
        if let failure { throw failure }
        logger.notice("paragon-mcp stopped")
    }
}

/// At shutdown, before the HTTP server drains: closes the sessions' open streams and ends the
/// 2026-07-28 listen streams with their closing result (either would otherwise keep it
/// waiting), so that it stops accepting and lets the calls in flight finish. Sessions
/// themselves end after that.
struct SessionShutdownService: Service {
    let server: MCPServer

    func run() async throws {
        try? await gracefulShutdown()
        server.sessions.closeStreams()
        server.subscriptions.shutdown()
    }
}
