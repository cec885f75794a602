import Foundation
import Testing

/// OAuth 2.0 Protected Resource Metadata (RFC 9728) over real HTTP: the two well-known
/// documents, with and without authorization servers configured, and the 401s that name them,
/// followed as an MCP client discovers them.
@Suite struct ProtectedResourceTests {
    static let publicURL = "https://mcp.example.com"

    @Test func theDocumentsDescribeTheServerAndItsMCPEndpoint() async throws {
        try await TestServer.with(environment: ["MCP_SERVER_URL": Self.publicURL]) { server in
            let client = MCPTestClient(base: server.base)
            // Public: any Host, no token.
            let endpoint = try await client.send(
                .GET, path: "/.well-known/oauth-protected-resource/mcp", headers: [("Host", "10.1.2.3:3001")],
                accept: "application/json")
            #expect(endpoint.status == 200)
            #expect(endpoint.headers.first(name: "Content-Type") == "application/json")
            #expect(endpoint.headers.first(name: "Cache-Control") == "public, max-age=3600")
            #expect(
                endpoint.body
                    == #"{"bearer_methods_supported":["header"],"resource":"https://mcp.example.com/mcp","resource_name":"paragon-mcp"}"#
            )
            let root = try await client.send(.GET, path: "/.well-known/oauth-protected-resource", accept: nil)
            #expect(root.status == 200 && root.headers.first(name: "Content-Type") == "application/json")
            #expect(
                root.body
                    == #"{"bearer_methods_supported":["header"],"resource":"https://mcp.example.com","resource_name":"paragon-mcp"}"#
            )
            // Only GET.
            let post = try await client.send(path: "/.well-known/oauth-protected-resource/mcp", body: "{}")
            #expect(post.status == 405 || post.status == 404, "\(post.status)")
        }
    }

    @Test func configuredAuthorizationServersAreAdvertised() async throws {
        let yaml = "auth:\n  authorization_servers: [https://auth.example.com]"
        try await TestServer.with(yaml: yaml, environment: ["MCP_SERVER_URL": Self.publicURL + "/"]) { server in
            let client = MCPTestClient(base: server.base)
            for (path, resource) in [
                ("/.well-known/oauth-protected-resource/mcp", "https://mcp.example.com/mcp"),
                ("/.well-known/oauth-protected-resource", "https://mcp.example.com"),
            ] {
                let reply = try await client.send(.GET, path: path, accept: nil)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.json?["resource"] as? String == resource, "\(reply.body)")
                #expect(reply.json?["authorization_servers"] as? [String] == ["https://auth.example.com"])
                #expect(reply.json?["bearer_methods_supported"] as? [String] == ["header"])
            }
        }
        // The variable overrides config.yaml, as every setting's does.
        try await TestServer.with(
            yaml: yaml,
            environment: [
                "MCP_SERVER_URL": Self.publicURL,
                "MCP_AUTHORIZATION_SERVERS": "https://a.example.com,https://b.example.com/tenant",
            ]
        ) { server in
            let reply = try await MCPTestClient(base: server.base).send(
                .GET, path: "/.well-known/oauth-protected-resource/mcp", accept: nil)
            #expect(
                reply.json?["authorization_servers"] as? [String] == [
                    "https://a.example.com", "https://b.example.com/tenant",
                ])
        }
    }

    @Test func a401NamesTheMetadataOfTheResourceRefused() async throws {
        try await TestServer.with(environment: ["MCP_SERVER_URL": Self.publicURL]) { server in
            let client = MCPTestClient(base: server.base)
            let endpointMetadata =
                #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp""#
            let missing = try await client.send(body: MCPTestClient.initializeBody(), token: nil)
            #expect(missing.status == 401)
            #expect(missing.headers.first(name: "WWW-Authenticate") == endpointMetadata)
            // The body is the JSON-RPC error it always was.
            #expect(
                missing.body
                    == #"{"error":{"code":-32000,"message":"Unauthorized: a Paragon user token is required (Authorization: Bearer)"},"id":null,"jsonrpc":"2.0"}"#
            )
            let forged = try await client.send(body: MCPTestClient.initializeBody(), token: "not.a.token")
            #expect(forged.status == 401 && forged.errorCode == -32000)
            #expect(forged.headers.first(name: "WWW-Authenticate") == endpointMetadata + #", error="invalid_token""#)
            let get = try await client.send(.GET, token: nil, accept: "text/event-stream")
            #expect(get.status == 401 && get.headers.first(name: "WWW-Authenticate") == endpointMetadata)

            // The legacy routes name the server's document, whose resource covers /sse and /messages.
            let serverMetadata =
                #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource""#
            let sse = try await client.send(.GET, path: "/sse", accept: "text/event-stream")
            #expect(sse.status == 401 && sse.headers.first(name: "WWW-Authenticate") == serverMetadata)
            let messages = try await client.send(path: "/messages?sessionId=x", body: MCPTestClient.request(1, "ping"))
            #expect(messages.status == 401 && messages.headers.first(name: "WWW-Authenticate") == serverMetadata)
        }
    }

    /// What an MCP client does with a 401: fetch the document the challenge names and check that
    /// its resource is the URL it asked (RFC 9728 §3.3), here through a path-prefixed public URL
    /// the way a reverse proxy would forward it. Browsers of an allowed origin can read both.
    @Test func aClientFollowsTheChallengeToTheDocument() async throws {
        let publicURL = "https://host.example.com/paragon"
        let origin = "https://inspector.example.com"
        try await TestServer.with(environment: ["MCP_SERVER_URL": publicURL, "MCP_ALLOWED_ORIGINS": origin]) {
            server in
            let client = MCPTestClient(base: server.base)
            let refused = try await client.send(
                body: MCPTestClient.initializeBody(), token: nil, headers: [("Origin", origin)])
            #expect(refused.status == 401 && refused.headers.first(name: "Access-Control-Allow-Origin") == origin)
            let challenge = try #require(refused.headers.first(name: "WWW-Authenticate"))
            let url = try #require(
                challenge.firstMatch(of: #/resource_metadata="([^"]+)"/#).map { String($0.output.1) })
            #expect(url == publicURL + "/.well-known/oauth-protected-resource/mcp")
            // The proxy strips its prefix.
            let document = try await client.send(
                .GET, path: String(url.dropFirst(publicURL.count)), headers: [("Origin", origin)], accept: nil)
            #expect(document.status == 200)
            #expect(document.headers.first(name: "Access-Control-Allow-Origin") == origin)
            #expect(document.json?["resource"] as? String == publicURL + "/mcp")
            #expect(document.json?["authorization_servers"] == nil)
        }
    }

    /// Runs `discover_metadata.py` against `url`: the official Python SDK's discovery on a 401.
    static func discover(_ url: String) async throws -> [String: Any] {
        let script = TestPaths.packageRoot + "/Tests/HostTests/Clients/discover_metadata.py"
        let result = try await Subprocess.runAsync(
            "/usr/bin/env", ["timeout", "60", "python3", script, url],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "discovery failed (pip install mcp?): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The official Python SDK follows each transport's 401 to a document it accepts, whose
    /// resource covers the URL it asked (the legacy routes' by prefix, as the SDK checks).
    @Test(arguments: ["/mcp", "/sse"])
    func thePythonSDKDiscoversTheDocument(path: String) async throws {
        let port = try TestServer.freePort()
        let base = "http://127.0.0.1:\(port)"
        let environment = [
            "PORT": "\(port)", "MCP_SERVER_URL": base, "MCP_AUTHORIZATION_SERVERS": "https://auth.example.com",
        ]
        try await TestServer.with(environment: environment) { server in
            let summary = try await Self.discover(server.base + path)
            let expected =
                path == "/mcp" ? "/.well-known/oauth-protected-resource/mcp" : "/.well-known/oauth-protected-resource"
            #expect(summary["status"] as? Int == 401)
            #expect(summary["resource_metadata"] as? String == base + expected)
            let tried = try #require(summary["tried"] as? [[String: Any]])
            #expect(tried.first?["url"] as? String == base + expected && tried.first?["accepted"] as? Bool == true)
            #expect(summary["resource"] as? String == (path == "/mcp" ? base + "/mcp" : base))
            #expect(summary["authorization_servers"] as? [String] == ["https://auth.example.com"])
            #expect(summary["allowed"] as? Bool == true)
        }
    }

    /// Without an authorization server the SDK (mcp 2.3.0, which wants at least one, as MCP's
    /// authorization does) accepts no document and goes on as it did before there was any.
    @Test func withoutAnAuthorizationServerThePythonSDKFindsNone() async throws {
        let port = try TestServer.freePort()
        let base = "http://127.0.0.1:\(port)"
        try await TestServer.with(environment: ["PORT": "\(port)", "MCP_SERVER_URL": base]) { server in
            let summary = try await Self.discover(server.base + "/mcp")
            #expect(summary["resource_metadata"] as? String == base + "/.well-known/oauth-protected-resource/mcp")
            let tried = try #require(summary["tried"] as? [[String: Any]])
            #expect(tried.map { $0["status"] as? Int } == [200, 200, 200], "\(tried)")
            #expect(tried.allSatisfy { $0["accepted"] as? Bool == false })
            #expect(summary["resource"] == nil)
        }
    }
}
