import Foundation
import Logging
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime

/// One provider's failure fails that provider's tools, never the others': over the registry
/// with real `.so` fixtures, and end to end with the real providers against the sandbox.
@Suite struct ProviderIsolationTests {
    let user = UserIdentity(userID: "u", token: "t")

    func registry(_ providers: [(String, String)], ttl: Int = 300) throws -> ToolRegistry {
        let config = try TestConfig.load(
            "tool_lists: {cache_ttl_seconds: \(ttl)}\n" + TestConfig.providers(providers.map { ($0.0, $0.1, "") }))
        let loader = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: Logger(label: "test"))
        return loader.registry(of: loader.load())
    }

    @Test func aFailingListingLeavesTheOtherProvidersTools() async throws {
        let healthy = try CCompiler.fixture("iso_ok", "FIXTURE_TOOL_NAME=\"OK_TOOL\"")
        let failing = try CCompiler.fixture("iso_fail", "FIXTURE_LIST_FAILS", "FIXTURE_TOOL_NAME=\"LOST_TOOL\"")
        for order in [[("ok", healthy), ("broken", failing)], [("broken", failing), ("ok", healthy)]] {
            let registry = try registry(order)
            let snapshot = try await registry.snapshot(for: user, requestID: "r")
            #expect(snapshot.tools.map(\.name) == ["OK_TOOL"])
            #expect(snapshot.unavailable == ["broken"])
            #expect(!snapshot.isComplete)
            guard
                case .outcome(_, .result, _) = await registry.call("OK_TOOL", arguments: [:], for: user, requestID: "r")
            else {
                Issue.record("a healthy provider's tool must work while another fails")
                continue
            }
            guard
                case .unavailable("LOST_TOOL", let providers) = await registry.call(
                    "LOST_TOOL", arguments: [:], for: user, requestID: "r")
            else {
                Issue.record("a tool that may be the failing provider's is unavailable, not unknown")
                continue
            }
            #expect(providers == ["broken"])
            await registry.shutdown()
        }
    }

    @Test func onlyWhenEveryProviderFailsIsThereNoList() async throws {
        let one = try CCompiler.fixture("iso_fail_a", "FIXTURE_LIST_FAILS", "FIXTURE_TOOL_NAME=\"A\"")
        let two = try CCompiler.fixture("iso_fail_b", "FIXTURE_LIST_FAILS", "FIXTURE_TOOL_NAME=\"B\"")
        let registry = try registry([("one", one), ("two", two)])
        await #expect(throws: RegistryError.self) { try await registry.snapshot(for: user, requestID: "r") }
        // What a client is told names the provider and status, never the upstream's page.
        do {
            _ = try await registry.snapshot(for: user, requestID: "r")
        } catch {
            let message = MCPDispatcher.clientMessage(for: error)
            #expect(
                message.contains("provider one") && message.contains("provider two") && message.contains("HTTP 502"))
            #expect(!message.contains("<html") && !message.contains("Bad Gateway"))
        }
        await registry.shutdown()
    }

    @Test func aListMissingAProviderIsAskedForAgainSoon() async throws {
        let healthy = try CCompiler.fixture("iso_ok2", "FIXTURE_TOOL_NAME=\"OK_TOOL\"")
        let failing = try CCompiler.fixture("iso_fail2", "FIXTURE_LIST_FAILS", "FIXTURE_TOOL_NAME=\"LOST_TOOL\"")
        let config = try TestConfig.load(
            TestConfig.providers([("ok", healthy, ""), ("broken", failing, "")]))
        var lists = config.toolLists
        lists.partialListTTL = .milliseconds(300)
        let loader = ProviderLoader(config: config, runtime: TestRuntime.shared, logger: Logger(label: "test"))
        let registry = ToolRegistry(
            providers: loader.load().loaded, filter: ToolFilter(config.limits), callTimeout: .seconds(10), lists: lists,
            logger: Logger(label: "test"))
        let first = try await registry.snapshot(for: user, requestID: "r")
        #expect(registry.lists.cached(for: user.userID) === first)
        // Kept for the partial-list lifetime, not the configured five minutes: then asked again.
        #expect(try await eventually(within: .seconds(10)) { registry.lists.cached(for: user.userID) == nil })
        let second = try await registry.snapshot(for: user, requestID: "r")
        #expect(second.unavailable == ["broken"] && second.tools.map(\.name) == ["OK_TOOL"])
        await registry.shutdown()
    }

    /// The issue's example: Zeus (the integrations list) failing must not take ActionKit's tools
    /// down, and ActionKit failing must not take the proxy tool down; no upstream page reaches
    /// the client.
    @Test func zeusFailingLeavesActionKitAndActionKitFailingLeavesTheProxyTool() async throws {
        try await TestSandbox.with { sandbox in
            try await TestServer.with(
                environment: [
                    "PROJECT_ID": "sandbox-project", "ACTIONKIT_BASE_URL": sandbox.base,
                    "ZEUS_BASE_URL": sandbox.base, "PROXY_BASE_URL": sandbox.base,
                ],
                providers: [
                    ("actionkit", TestPaths.buildDirectory + "/libActionKit.so", ""),
                    ("proxy", TestPaths.buildDirectory + "/libProxyAPI.so", "enabled: true"),
                ]
            ) { server in
                let client = MCPTestClient(base: server.base)
                let alice = try await TestTokens.sign(sub: "alice")
                sandbox.sandbox.faults.set(.init(kind: .serverError, times: 100), for: "integrations")
                let session = try await client.initialize(token: alice)
                let list = try await client.send(
                    body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
                let names = (list.result?["tools"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names.contains("SLACK_SEND_MESSAGE"))
                #expect(!names.contains("CALL_API_REQUEST"))
                let sent = try await client.send(
                    body: MCPTestClient.call(3, "SLACK_SEND_MESSAGE", ##"{"channel":"#general","text":"hi"}"##),
                    token: alice, session: session)
                #expect(sent.result?["isError"] == nil, "\(sent.body)")
                let proxied = try await client.send(
                    body: MCPTestClient.call(
                        4, "CALL_API_REQUEST",
                        #"{"integration":"slack","url":"https://slack.com/api/auth.test","httpMethod":"GET"}"#),
                    token: alice, session: session)
                #expect(proxied.result?["isError"] as? Bool == true)
                #expect(TestStack.text(of: proxied.result)?.contains("not available right now") == true)
                for reply in [list, sent, proxied] { #expect(!reply.body.contains("<html")) }

                // The reverse: ActionKit's listing fails (after its retries), the proxy tool stays.
                sandbox.sandbox.faults.clear()
                sandbox.sandbox.faults.set(.init(kind: .serverError, times: 100), for: "list")
                let bob = try await TestTokens.sign(sub: "bob")
                let bobSession = try await client.initialize(token: bob)
                let bobList = try await client.send(
                    body: MCPTestClient.request(2, "tools/list"), token: bob, session: bobSession)
                let bobNames = (bobList.result?["tools"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(bobNames == ["CALL_API_REQUEST"], "\(bobList.body)")
                #expect(!bobList.body.contains("<html"))
            }
        }
    }
}
