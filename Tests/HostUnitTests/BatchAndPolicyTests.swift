import JSONCore
import ParagonModel
import Testing

@testable import Application
@testable import MCPCore
@testable import Serving

/// JSON-RPC batches, Host and Origin rules, and CSP sources: plain values, no server.
@Suite struct BatchAndPolicyTests {
    @Test func batchesExistUpTo2025_03_26() throws {
        let ping = try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#.utf8))
        #expect(JSONRPCBatch.refusal([ping], protocolVersion: "2025-03-26") == nil)
        #expect(JSONRPCBatch.refusal([ping], protocolVersion: "2024-11-05") == nil)
        #expect(JSONRPCBatch.refusal([ping], protocolVersion: "2025-06-18")?.code == -32600)
        #expect(JSONRPCBatch.refusal([ping], protocolVersion: "2025-11-25")?.code == -32600)
        #expect(JSONRPCBatch.refusal([], protocolVersion: "2025-03-26")?.code == -32600)
        let initialize = try JSONValue.parse(Array(#"{"jsonrpc":"2.0","id":2,"method":"initialize"}"#.utf8))
        #expect(JSONRPCBatch.refusal([ping, initialize], protocolVersion: "2025-03-26")?.code == -32600)
        let joined = JSONRPCEncoding.batch([Array("1".utf8), Array("{}".utf8)])
        #expect(String(decoding: joined, as: UTF8.self) == "[1,{}]")
    }

    @Test func loopbackHostsPassOnAnyPort() throws {
        let config = try UnitConfig.load(
            "", environment: ["MCP_SERVER_URL": "https://mcp.example.com", "PORT": "3001"])
        let policy = HTTPAccessPolicy(server: config.server)
        for host in ["localhost:8080", "127.0.0.1:9999", "[::1]:1234", "localhost", "LOCALHOST:3001"] {
            #expect(policy.allowsHost(host), "\(host)")
        }
        for host in ["mcp.example.com", "mcp.example.com:443"] { #expect(policy.allowsHost(host), "\(host)") }
        for host in ["evil.example.com", "localhost.evil.com:3001", "127.0.0.2:3001", "mcp.example.com:8443"] {
            #expect(!policy.allowsHost(host), "\(host)")
        }
    }

    @Test func cspSourcesAreHostSourcesOnly() {
        for good in ["https://portal.example.com", "https://*.example.com", "http://localhost:8080", "https://a.b:*"] {
            #expect(ContentSecurityPolicy.isHostSource(good), "\(good)")
        }
        for bad in [
            "portal.example.com", "https://a.com; script-src *", "'unsafe-inline'", "https://", "https://a b",
            "javascript://x",
            "data://x",
        ] {
            #expect(!ContentSecurityPolicy.isHostSource(bad), "\(bad)")
        }
    }

    @Test func theSetupPagePolicyAdmitsEveryConfiguredParagonOrigin() throws {
        let config = try UnitConfig.load(
            "setup: {csp_extra_sources: ['https://portal.paragon.example.com']}",
            environment: [
                "CONNECT_SDK_CDN_URL": "https://connect.paragon.example.com/sdk/index.js",
                "ZEUS_BASE_URL": "https://zeus.paragon.example.com",
                "PROXY_BASE_URL": "https://proxy.paragon.example.com",
                "ACTIONKIT_BASE_URL": "https://actionkit.paragon.example.com:8443",
            ])
        let policy = ContentSecurityPolicy.setupPage(
            paragon: config.paragon, extraSources: config.setup.cspExtraSources)
        let frames = try #require(policy.split(separator: ";").first { $0.contains("frame-src") })
        for origin in [
            "https://connect.paragon.example.com", "https://zeus.paragon.example.com",
            "https://proxy.paragon.example.com", "https://actionkit.paragon.example.com:8443",
            "https://portal.paragon.example.com",
        ] {
            #expect(frames.contains(origin), "\(origin)")
        }
        #expect(!policy.contains("useparagon.com"))
        // Scripts come only from the SDK's origin (and the extra sources), never from the APIs.
        let scripts = try #require(policy.split(separator: ";").first { $0.contains("script-src") })
        #expect(scripts.contains("https://connect.paragon.example.com"))
        #expect(!scripts.contains("zeus") && !scripts.contains("proxy") && !scripts.contains("actionkit"))
        let hosted = ContentSecurityPolicy.setupPage(paragon: try UnitConfig.load("").paragon)
        #expect(hosted.contains("https://*.useparagon.com"))
        let ipv6 = ContentSecurityPolicy.setupPage(
            paragon: try UnitConfig.load("", environment: ["ZEUS_BASE_URL": "http://[::1]:8080"]).paragon)
        #expect(ipv6.contains("http://[::1]:8080"))
    }

    @Test func integrationNamesAreSpelledOutWhenParagonDoesNotSay() throws {
        #expect(IntegrationKey.spelledOut("googleCalendar") == "Google Calendar")
        #expect(IntegrationKey.spelledOut("slack") == "Slack")
        #expect(IntegrationKey.spelledOut("custom.spotify") == "Spotify")
        #expect(IntegrationKey.spelledOut("microsoft_teams") == "Microsoft Teams")
        let list = try JSONValue.parse(
            Array(
                #"""
                [{"type":"slack","name":"Slack"},{"type":"googleCalendar","name":"Google Calendar"},
                 {"type":"custom","customIntegrationId":"ci","customIntegration":{"name":"My Tool"}},
                 {"type":"hubspot"}]
                """#.utf8))
        #expect(
            IntegrationNames.names(in: list) == [
                "slack": "Slack", "googleCalendar": "Google Calendar", "custom.mytool": "My Tool",
            ])
    }

    @Test func audioReachesClientsOlderThan2025_03_26AsAResource() {
        let audio: JSONValue = ["type": "audio", "data": "AAAA", "mimeType": "audio/wav"]
        #expect(ToolCallResponse.contentItem(audio, tool: "T", version: "2025-03-26") == audio)
        let old = ToolCallResponse.contentItem(audio, tool: "T", version: "2024-11-05")
        #expect(old["type"] == "resource")
        #expect(old["resource"]?["blob"] == "AAAA" && old["resource"]?["mimeType"] == "audio/wav")
        let text: JSONValue = ["type": "text", "text": "hi"]
        #expect(ToolCallResponse.contentItem(text, tool: "T", version: "2024-11-05") == text)
    }
}
