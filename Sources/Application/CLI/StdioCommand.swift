import ArgumentParser
import Foundation
import Logging
import MCPCore
import Serving

/// `paragon-mcp stdio`: one MCP session on standard input and output, for local clients.
struct StdioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stdio",
        abstract: "Serve one MCP session on stdin/stdout (for Claude Desktop, Claude Code, ...).",
        discussion: """
            The user is the `sub` of the Paragon user token in PARAGON_USER_TOKEN, or, in \
            development mode only, the id given with --user. Logs go to stderr; end of input \
            ends the process. Meanwhile the setup pages that links in answers point to are \
            served over HTTP on PORT (a port in use only turns them off).
            """)

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "Act as this user id (development mode only).")
    var user: String?

    @Flag(name: .long, help: "Run on the offline Paragon sandbox even when a Paragon project is configured.")
    var sandbox = false

    func run() async throws {
        let bootstrap = try await ServerBootstrap.makeOrExit(options, forceSandbox: sandbox)
        defer { bootstrap.sandbox?.stop() }
        try await bootstrap.startOrExit()
        if let embedded = bootstrap.sandbox { printError(embedded.banner(mcpURL: nil)) }
        let token = ProcessInfo.processInfo.environment["PARAGON_USER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if user != nil, bootstrap.config.server.mode != .development, token == nil {
            printError(
                "error: --user works only in development mode (NODE_ENV=development); "
                    + "in production set PARAGON_USER_TOKEN to the user's Paragon user token")
            await bootstrap.shutdown(reason: "stdio refused")
            throw ExitCode.failure
        }
        let principal: Principal
        do {
            principal = try await bootstrap.server.authenticator.authenticate(
                authorization: token.map { "Bearer \($0)" }, queryUser: user)
        } catch {
            printError("error: \(error) (set PARAGON_USER_TOKEN, or --user ID in development mode)")
            await bootstrap.shutdown(reason: "stdio refused")
            throw ExitCode.failure
        }
        bootstrap.logger.info("serving MCP on stdio", metadata: ["user": "\(principal.userID)"])
        let setupPages = await serveSetupPages(bootstrap)
        defer { setupPages?.cancel() }
        let transport = StdioTransport(
            dispatcher: bootstrap.server.dispatcher, principal: principal,
            subscriptions: bootstrap.server.subscriptions)
        bootstrap.server.attachLocal(transport.session)
        let reloads = Task { [reloader = bootstrap.reloader] in await reloader.reloadOnSIGHUP() }
        await transport.run()
        reloads.cancel()
        // A reload in progress ends before the registry is shut down (it may be swapping it).
        await reloads.value
        await bootstrap.shutdown(reason: "stdio closed")
    }

    /// Serves `/setup` over HTTP, so setup links work: on `PORT`, or, when another process holds
    /// it (a second client on the same desktop starting its own server), on a free port that
    /// the links then name, unless `MCP_SERVER_URL` says where links go. Returns the serving
    /// task, nil when the pages could not be served at all.
    private func serveSetupPages(_ bootstrap: ServerBootstrap) async -> Task<Void, Never>? {
        let config = bootstrap.config, logger = bootstrap.logger
        let libraryLogger = LogSetup.forLibraries(logger, config.logging)
        func serve(port: Int) async -> Result<(Task<Void, Never>, Int), any Error> {
            let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
            let app = HTTPFront.setupApplication(
                for: bootstrap.server, host: config.server.host, port: port, logger: libraryLogger
            ) { channel in
                continuation.yield(.success(channel.localAddress?.port ?? port))
            }
            let task = Task {
                do {
                    try await app.runService(gracefulShutdownSignals: [])
                } catch {
                    continuation.yield(.failure(error))
                }
                continuation.finish()
            }
            var iterator = events.makeAsyncIterator()
            switch await iterator.next() {
            case .success(let bound)?: return .success((task, bound))
            case .failure(let error)?: return .failure(error)
            case nil: return .failure(CancellationError())
            }
        }
        switch await serve(port: config.server.port) {
        case .success(let (task, _)):
            return task
        case .failure(let error):
            guard BootstrapError.isAddressInUse(error) else {
                logger.warning("setup pages are not served (\(error)); links in answers will not open")
                return nil
            }
            guard !config.server.publicURLIsConfigured else {
                logger.warning(
                    """
                    setup pages are not served here (port \(config.server.port) is in use); links point to \
                    MCP_SERVER_URL (\(config.server.publicURL)), which works when the server there shares this \
                    signing key
                    """)
                return nil
            }
            switch await serve(port: 0) {
            case .success(let (task, port)):
                let url = "http://localhost:\(port)"
                bootstrap.server.setupLinks.serve(at: url)
                logger.warning(
                    """
                    port \(config.server.port) is in use (another paragon-mcp?): setup pages are served on \
                    \(url) instead, and setup links point there
                    """)
                return task
            case .failure(let error):
                logger.warning("setup pages are not served (\(error)); links in answers will not open")
                return nil
            }
        }
    }
}
