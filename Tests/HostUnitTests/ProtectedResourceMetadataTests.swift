import Hummingbird
import JSONCore
import Testing

@testable import Serving

/// The OAuth 2.0 Protected Resource Metadata (RFC 9728) documents, where they are served and the
/// 401 challenge naming them, as plain values: no server.
@Suite struct ProtectedResourceMetadataTests {
    @Test func theMCPEndpointsDocumentNamesTheEndpoint() {
        let metadata = ProtectedResourceMetadata.mcpEndpoint(
            publicURL: "https://mcp.example.com", authorizationServers: [])
        #expect(metadata.resource == "https://mcp.example.com/mcp")
        #expect(metadata.path == "/.well-known/oauth-protected-resource/mcp")
        #expect(metadata.url == "https://mcp.example.com/.well-known/oauth-protected-resource/mcp")
        // No authorization server is advertised unless one is configured.
        #expect(
            Self.text(metadata.document)
                == #"{"bearer_methods_supported":["header"],"resource":"https://mcp.example.com/mcp","resource_name":"paragon-mcp"}"#
        )
    }

    @Test func theServersDocumentNamesTheServerAndItsAuthorizationServers() {
        let metadata = ProtectedResourceMetadata.server(
            publicURL: "https://mcp.example.com/",
            authorizationServers: ["https://auth.example.com", "https://login.example.com/tenant"])
        #expect(metadata.resource == "https://mcp.example.com")
        #expect(metadata.path == "/.well-known/oauth-protected-resource")
        #expect(metadata.url == "https://mcp.example.com/.well-known/oauth-protected-resource")
        #expect(
            Self.text(metadata.document)
                == #"{"authorization_servers":["https://auth.example.com","https://login.example.com/tenant"],"bearer_methods_supported":["header"],"resource":"https://mcp.example.com","resource_name":"paragon-mcp"}"#
        )
    }

    /// Behind a proxy mounting the server at `/paragon`, the documents are fetched through it.
    @Test func aPublicURLWithAPathKeepsIt() {
        let metadata = ProtectedResourceMetadata.mcpEndpoint(
            publicURL: "https://host.example.com/paragon/", authorizationServers: [])
        #expect(metadata.resource == "https://host.example.com/paragon/mcp")
        #expect(metadata.path == "/.well-known/oauth-protected-resource/mcp")
        #expect(metadata.url == "https://host.example.com/paragon/.well-known/oauth-protected-resource/mcp")
    }

    @Test func theResponseIsCacheableJSON() async throws {
        let metadata = ProtectedResourceMetadata.mcpEndpoint(
            publicURL: "http://localhost:3001", authorizationServers: [])
        let response = metadata.response()
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "application/json")
        #expect(response.headers[.cacheControl] == "public, max-age=3600")
        let collector = BodyCollector()
        try await response.body.write(collector)
        #expect(collector.bytes == metadata.document.encoded())
    }

    @Test func theChallengeNamesTheMetadataAndAFailedTokensError() {
        let url = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
        #expect(
            ProtectedResourceMetadata.bearerChallenge(resourceMetadata: url)
                == #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp""#)
        #expect(
            ProtectedResourceMetadata.bearerChallenge(resourceMetadata: url, error: "invalid_token")
                == #"Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", error="invalid_token""#
        )
        // A quoted-string stays one (RFC 9110 §5.6.4), whatever the URL holds.
        #expect(
            ProtectedResourceMetadata.bearerChallenge(resourceMetadata: #"https://x/"a\"#)
                == #"Bearer resource_metadata="https://x/\"a\\""#)
    }

    private static func text(_ value: JSONValue) -> String {
        String(decoding: value.encoded(), as: UTF8.self)
    }
}

/// A response body, written to memory.
private final class BodyCollector: ResponseBodyWriter {
    var bytes: [UInt8] = []
    func write(_ buffer: ByteBuffer) async throws { bytes += buffer.readableBytesView }
    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
