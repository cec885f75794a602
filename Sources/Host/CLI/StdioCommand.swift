import ArgumentParser
import Foundation
import Logging

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
            throw ExitCode.failure
        }
        let principal: Principal
        do {
            principal = try await bootstrap.server.authenticator.authenticate(
                authorization: token.map { "Bearer \($0)" }, queryUser: user)
        } catch {
            printError("error: \(error) (set PARAGON_USER_TOKEN, or --user ID in development mode)")
            throw ExitCode.failure
        }
        bootstrap.logger.info("serving MCP on stdio", metadata: ["user": "\(principal.userID)"])
        let setupPages = serveSetupPages(bootstrap)
        defer { setupPages.cancel() }
        let transport = StdioTransport(dispatcher: bootstrap.server.dispatcher, principal: principal)
        bootstrap.server.attachLocal(transport.session)
        let reloads = Task { [reloader = bootstrap.reloader] in await reloader.reloadOnSIGHUP() }
        await transport.run()
        reloads.cancel()
        await bootstrap.server.dispatcher.registry.shutdown()
    }

    /// Serves `/setup` over HTTP on the configured port, so setup links work; a port in use is
    /// logged and only turns the pages off.
    private func serveSetupPages(_ bootstrap: ServerBootstrap) -> Task<Void, Never> {
        let config = bootstrap.config, logger = bootstrap.logger
        let app = HTTPFront.setupApplication(
            for: bootstrap.server, host: config.server.host, port: config.server.port, logger: logger)
        return Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                logger.warning(
                    "setup pages are not served (\(error)); links in answers will not open",
                    metadata: ["port": "\(config.server.port)"])
            }
        }
    }
}
