import Foundation
import Sandbox

/// The whole stack as the default run wires it: the sandbox, and a server whose ActionKit
/// provider (the real `.so`) and setup pages point at it.
enum TestStack {
    static func withActionKit(
        environment: [String: String] = [:], catalog: SandboxCatalog? = nil, providerConfig: String = "",
        zeusOnSandbox: Bool = false, _ body: @Sendable (TestSandbox, TestServer, MCPTestClient) async throws -> Void
    ) async throws {
        try await TestSandbox.with(catalog: catalog) { sandbox in
            let library = TestPaths.buildDirectory + "/libActionKit.so"
            var env = [
                "PROJECT_ID": "sandbox-project", "ACTIONKIT_BASE_URL": sandbox.base,
                "CONNECT_SDK_CDN_URL": sandbox.base + "/sdk/index.js",
            ]
            if zeusOnSandbox { env["ZEUS_BASE_URL"] = sandbox.base }
            env.merge(environment) { _, new in new }
            let port = try TestServer.freePort()
            env["PORT"] = "\(port)"
            if env["MCP_SERVER_URL"] == nil { env["MCP_SERVER_URL"] = "http://127.0.0.1:\(port)" }
            try await TestServer.with(environment: env, providers: [("actionkit", library, providerConfig)]) { server in
                try await body(sandbox, server, MCPTestClient(base: server.base))
            }
        }
    }

    /// The text of a tool result's first content item.
    static func text(of result: [String: Any]?) -> String? {
        (result?["content"] as? [[String: Any]])?.first?["text"] as? String
    }

    /// The setup link in a needs-connection answer: the target of its Markdown link.
    static func setupLink(in text: String) -> String? {
        guard let start = text.range(of: "](")?.upperBound,
            let end = text[start...].firstIndex(of: ")")
        else { return nil }
        return String(text[start..<end])
    }
}
