import Foundation
import Testing

@testable import Application
@testable import Serving

/// What an operator watches: health, readiness and the metrics, whose values move as a session
/// lists and calls.
@Suite struct OperationsTests {
    @Test func healthAndReadinessFollowTheServersLife() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            // Probes come with any Host (a pod's address) and no token.
            let health = try await client.send(.GET, path: "/healthz", headers: [("Host", "10.1.2.3:3001")])
            #expect(health.status == 200 && health.body.contains(#""status":"ok""#))
            let ready = try await client.send(.GET, path: "/readyz")
            #expect(ready.status == 200 && ready.body.contains(#""providers":1"#), "\(ready.body)")
            let token = try await TestTokens.sign(sub: "alice")
            for state in [Readiness.starting, .draining] {
                server.server.readiness.set(state)
                let probe = try await client.send(.GET, path: "/readyz")
                #expect(probe.status == 503 && probe.body.contains(#""status":"\#(state)""#), "\(probe.body)")
                let refused = try await client.send(body: MCPTestClient.initializeBody(), token: token)
                #expect(refused.status == 503 && refused.headers.first(name: "Retry-After") == "1")
                #expect(refused.errorCode == -32000)
                #expect(try await client.send(.GET, path: "/healthz").status == 200, "alive all along")
            }
            server.server.readiness.set(.ready)
            #expect(try await client.send(body: MCPTestClient.initializeBody(), token: token).status == 200)
        }
    }

    @Test func metricsMoveAsASessionListsAndCalls() async throws {
        try await TestServer.with { server in
            let client = MCPTestClient(base: server.base)
            let token = try await TestTokens.sign(sub: "alice")
            let before = try await MetricsScrape.read(client)
            #expect(before.text.contains("# TYPE paragon_mcp_providers_loaded gauge"))
            #expect(before[#"paragon_mcp_providers_loaded"#] == 0, "set by the reloader, not by tests' servers")

            let session = try await client.initialize(token: token)
            _ = try await client.send(body: MCPTestClient.request(2, "tools/list"), token: token, session: session)
            _ = try await client.send(body: MCPTestClient.request(3, "tools/list"), token: token, session: session)
            _ = try await client.send(
                body: MCPTestClient.call(4, "EXAMPLE_ECHO", #"{"text":"hi"}"#), token: token, session: session)
            _ = try await client.send(body: MCPTestClient.call(5, "NO_SUCH_TOOL"), token: token, session: session)
            _ = try await client.send(body: MCPTestClient.request(6, "no/such/method"), token: token, session: session)
            _ = try await client.send(body: MCPTestClient.request(7, "tools/list"), token: nil, session: session)

            let during = try await MetricsScrape.read(client)
            #expect(during[#"paragon_mcp_sessions_active{transport="streamable-http"}"#] == 1)
            #expect(during[#"paragon_mcp_mcp_requests_total{method="initialize",outcome="ok"}"#] == 1)
            #expect(during[#"paragon_mcp_mcp_requests_total{method="tools/list",outcome="ok"}"#] == 2)
            #expect(during[#"paragon_mcp_mcp_requests_total{method="tools/call",outcome="ok"}"#] == 1)
            #expect(during[#"paragon_mcp_mcp_requests_total{method="tools/call",outcome="invalid_params"}"#] == 1)
            #expect(during[#"paragon_mcp_mcp_requests_total{method="other",outcome="method_not_found"}"#] == 1)
            #expect(during[#"paragon_mcp_tool_calls_total{provider="example",outcome="result"}"#] == 1)
            #expect(during[#"paragon_mcp_tool_calls_total{provider="none",outcome="unknown_tool"}"#] == 1)
            #expect(during[#"paragon_mcp_tool_call_duration_seconds_count{provider="example"}"#] == 1)
            // The first list is fetched; the second and both calls use it.
            #expect(during[#"paragon_mcp_tool_list_cache_requests_total{result="miss"}"#] == 1)
            #expect(during[#"paragon_mcp_tool_list_cache_requests_total{result="hit"}"#] == 3)
            #expect(during[#"paragon_mcp_http_requests_total{route="/mcp",method="POST",status="200"}"#] == 6)
            #expect(during[#"paragon_mcp_http_requests_total{route="/mcp",method="POST",status="401"}"#] == 1)
            #expect(during[#"paragon_mcp_http_requests_total{route="/metrics",method="GET",status="200"}"#] == 1)

            _ = try await client.send(.DELETE, token: token, session: session)
            let after = try await MetricsScrape.read(client)
            #expect(after[#"paragon_mcp_sessions_active{transport="streamable-http"}"#] == 0)
        }
    }

    @Test func upstreamRequestsAndSetupLinksAreCounted() async throws {
        try await TestStack.withActionKit { _, server, client in
            let carol = try await TestTokens.sign(sub: "carol")
            let session = try await client.initialize(token: carol)
            let call = try await client.send(body: SetupLinkTests.unconnectedCall, token: carol, session: session)
            let link = try #require(TestStack.text(of: call.result).flatMap(TestStack.setupLink))
            let token = String(link.split(separator: "=", maxSplits: 1)[1])
            let done = try await client.send(
                path: "/setup/complete", body: #"{"token":"\#(token)"}"#, accept: "*/*")
            #expect(done.status == 200, "\(done.body)")
            let scrape = try await MetricsScrape.read(client)
            #expect(scrape[#"paragon_mcp_setup_links_issued_total"#] == 1)
            #expect(scrape[#"paragon_mcp_setup_links_completed_total"#] == 1)
            #expect(scrape[#"paragon_mcp_tool_calls_total{provider="actionkit",outcome="needs_connection"}"#] == 1)
            #expect(scrape[#"paragon_mcp_upstream_requests_total{provider="actionkit",status="200"}"#] >= 1)
            #expect(scrape[#"paragon_mcp_upstream_request_duration_seconds_count{provider="actionkit"}"#] >= 2)
        }
    }
}
