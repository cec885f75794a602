import Foundation
import Hummingbird
import Logging
import Testing

@testable import Application
@testable import MCPCore
@testable import PluginRuntime
@testable import Settings

/// The host's HTTP service, used by the C example against a real local HTTP server.
@Suite struct HTTPServiceTests {
    let user = UserIdentity(userID: "u", token: "t")

    @Test func theCExampleCallsThroughTheHostsHTTPService() async throws {
        let router = Router()
        router.get("/hello") { request, _ -> String in
            "hello from upstream, request id \(request.headers[.init("X-Request-Id")!] ?? "none")"
        }
        router.get("/big") { _, _ -> String in String(repeating: "x", count: 5000) }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(60))
            return "late"
        }
        try await TestHTTPServer.with(router) { port in
            let instance = try TestProviders.instance(
                try CCompiler.example(), name: "example",
                extra: "config: {base_url: \"http://127.0.0.1:\(port)\"}\n"
                    + "http: {allowed_hosts: [\"127.0.0.1\"], max_response_bytes: 1000, timeout_ms: 10000}")
            func get(_ path: String) async -> ProviderOutcome {
                await instance.callTool(
                    "EXAMPLE_HTTP_GET", arguments: Array(#"{"path":"\#(path)"}"#.utf8),
                    for: user, requestID: "req-42", timeout: .seconds(30))
            }
            let hello = await get("/hello")
            #expect(TestProviders.text(of: hello) == "HTTP 200\nhello from upstream, request id req-42", "\(hello)")
            let missing = await get("/missing")
            #expect(TestProviders.text(of: missing)?.hasPrefix("HTTP 404") == true, "\(missing)")
            guard case .upstreamFailure(0, let tooLarge) = await get("/big") else {
                Issue.record("expected the size cap")
                return
            }
            #expect(tooLarge.contains("1000-byte cap"))
            guard case .upstreamFailure(0, let slow) = await get("/slow") else {
                Issue.record("expected a timeout")
                return
            }
            #expect(slow.contains("timed out"))
        }
    }

    @Test func hostsOutsideTheAllowListAreRefused() async throws {
        let instance = try TestProviders.instance(
            try CCompiler.example(), name: "example", extra: "config: {base_url: \"http://127.0.0.1:9\"}")
        let outcome = await instance.callTool(
            "EXAMPLE_HTTP_GET", arguments: Array(#"{"path":"/"}"#.utf8), for: user, requestID: "r",
            timeout: .seconds(5))
        guard case .upstreamFailure(_, let message) = outcome else { Issue.record("\(outcome)"); return }
        #expect(message.contains("host 127.0.0.1 is not allowed for provider example"))
    }

    @Test func thePolicyMatchesHostsAndPorts() throws {
        let policy = HTTPPolicy(
            settings: HTTPServiceSettings(
                allowedHosts: ["api.example.com", "local:8443"], timeoutMs: 1,
                maxResponseBytes: 1),
            paragonURLs: ["https://actionkit.useparagon.com"])
        #expect(policy.allows(URL(string: "https://api.example.com/x")!))
        #expect(policy.allows(URL(string: "http://API.example.com:8080/x")!))
        #expect(policy.allows(URL(string: "https://local:8443/")!))
        #expect(!policy.allows(URL(string: "https://local:9443/")!))
        #expect(policy.allows(URL(string: "https://actionkit.useparagon.com/projects")!))
        #expect(!policy.allows(URL(string: "http://actionkit.useparagon.com/")!))
        #expect(!policy.allows(URL(string: "https://evil.example.com/")!))
    }
}
