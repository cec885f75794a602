import Foundation
import Testing

/// The binary as a newcomer first runs it: no configuration at all, so it serves on the
/// embedded sandbox; and the errors that keep a configured server from falling back to it.
@Suite struct DefaultRunTests {
    @Test func withNoConfigurationItServesWorkingToolsOnTheSandbox() async throws {
        let port = try TestServer.freePort()
        // An empty folder: no config.yaml, no .env.
        let child = try ChildProcess([], environment: ["PORT": "\(port)"], directory: TestPaths.scratch("first-run"))
        let early = try await child.waitForLog(returning: "listening on")
        let url = "http://localhost:\(port)/mcp?user=alice"
        let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/call_tool.py"
        let result = try await Subprocess.runAsync(
            "/usr/bin/env",
            [
                "python3", script, url, "SLACK_SEND_MESSAGE",
                ##"{"channel":"#general","text":"hello from the first run"}"##,
            ],
            environment: ProcessInfo.processInfo.environment)
        child.signal(SIGTERM)
        let (status, stdout, stderr) = try await child.finish()
        #expect(result.status == 0, "python client (pip mcp?): \(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(answer["isError"] as? Bool == false)
        #expect((answer["text"] as? String)?.contains("hello from the first run") == true, "\(answer)")
        #expect((answer["tools"] as? Int ?? 0) > 0)
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("Paragon sandbox"))
        #expect(stdout.contains("MCP client URL:  \(url)"))
        #expect(stdout.contains("alice: custom.spotify, github, googleCalendar, slack"))
        #expect(stdout.contains("carol: (none)"))
        // The first screen is the banner: the libraries' internals stay out unless asked for.
        #expect(!(early + stderr).contains("Starting service"), "\(early)")
        #expect(!(early + stderr).contains("[ServiceLifecycle]"), "\(early)")
        #expect(!(early + stderr).contains("[HummingbirdCore]"), "\(early)")
    }

    @Test func libraryDebugLinesComeOnlyWhenAskedFor() async throws {
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            [], environment: ["PORT": "\(port)", "LOG_LEVEL": "debug"], directory: TestPaths.scratch("first-run-debug"))
        let early = try await child.waitForLog(returning: "listening on")
        child.signal(SIGTERM)
        let (status, _, stderr) = try await child.finish()
        #expect(status == 0)
        // ServiceLifecycle's own debug line, present only when asked for.
        #expect((early + stderr).contains("Starting service"), "\(early)")
    }

    @Test func aConfiguredProjectNeverFallsBackToTheSandbox() async throws {
        // A project without its signing key.
        let noKey = try ChildProcess([], environment: ["PORT": "0", "PROJECT_ID": "my-project"])
        let first = try await noKey.finish()
        #expect(first.status == 1)
        #expect(first.stderr.contains("SIGNING_KEY"), "\(first.stderr)")
        // A broken key.
        let broken = try ChildProcess(
            [], environment: ["PORT": "0", "PROJECT_ID": "my-project", "SIGNING_KEY": "not a key"])
        let second = try await broken.finish()
        #expect(second.status == 1)
        #expect(second.stderr.contains("not a PEM-encoded RSA private key"), "\(second.stderr)")
        // Production with no project at all.
        let production = try ChildProcess([], environment: ["PORT": "0", "NODE_ENV": "production"])
        let third = try await production.finish()
        #expect(third.status == 1)
        #expect(third.stderr.contains("no Paragon project is configured (PROJECT_ID)"), "\(third.stderr)")
    }

    @Test func sandboxFlagForcesTheSandbox() async throws {
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            ["--sandbox"],
            environment: [
                "PORT": "\(port)", "PROJECT_ID": "my-project", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
            ])
        try await child.waitForLog("listening on")
        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        let session = try await client.initialize(token: nil, path: "/mcp?user=bob")
        let call = try await client.send(
            path: "/mcp?user=bob", body: MCPTestClient.call(2, "SLACK_LIST_CHANNELS"), session: session)
        child.signal(SIGTERM)
        let (status, stdout, _) = try await child.finish()
        #expect(call.status == 200 && call.result?["isError"] == nil, "\(call.body)")
        #expect(status == 0)
        #expect(stdout.contains("Paragon sandbox"))
    }

    @Test func stdioOnTheSandboxServesSetupLinksAndTellsTheSessionOfTheConnection() async throws {
        let port = try TestServer.freePort()
        let child = try ChildProcess(
            ["stdio", "--user", "carol"], environment: ["PORT": "\(port)"], directory: TestPaths.scratch("stdio-run"))
        child.write(MCPTestClient.initializeBody() + "\n")
        child.write(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n")
        child.write(SetupLinkTests.unconnectedCall + "\n")
        let answered = try await child.waitForOutput("Connect Google Calendar")
        let line = try #require(answered.split(separator: "\n").first { $0.contains("Connect Google Calendar") })
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let text = try #require(TestStack.text(of: reply["result"] as? [String: Any]))
        let link = try #require(TestStack.setupLink(in: text))
        #expect(link.hasPrefix("http://localhost:\(port)/setup?token="))
        let token = String(link.split(separator: "=", maxSplits: 1)[1])
        let client = MCPTestClient(base: "http://127.0.0.1:\(port)")
        #expect(try await client.send(.GET, path: "/setup?token=\(token)", accept: "text/html").status == 200)
        let complete = try await client.send(path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
        #expect(complete.json?["sessionsNotified"] as? Int == 1)
        _ = try await child.waitForOutput("notifications/tools/list_changed")
        child.closeInput()
        let (status, _, stderr) = try await child.finish()
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("Paragon sandbox"))
    }
}
