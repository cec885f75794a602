import Foundation
import Sandbox
import Testing

/// Binary answers reach the agent by their media type, through each provider's real `.so`:
/// an ActionKit download (PDF) as an embedded resource, an image through an OpenAPI tool, a
/// zip through CALL_API_REQUEST.
@Suite struct BinaryResultsTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n".utf8)

    /// The bundled catalog plus a googleDrive integration whose download answers a PDF.
    static func catalogWithDrive() throws -> SandboxCatalog {
        let source = TestPaths.packageRoot + "/Sources/Sandbox/Resources/catalog.json"
        var catalog = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source))) as? [String: Any])
        var integrations = try #require(catalog["integrations"] as? [[String: Any]])
        integrations.append([
            "name": "googleDrive", "id": "int-googleDrive", "apiBase": "https://www.googleapis.com/drive/v3",
            "actions": [
                [
                    "name": "GOOGLE_DRIVE_DOWNLOAD_FILE", "description": "Download a file's content.",
                    "parameters": [
                        "type": "object", "properties": ["fileId": ["type": "string"]], "required": ["fileId"],
                    ],
                    "effect": [
                        "kind": "file", "mediaType": "application/pdf", "content": Data(pdf).base64EncodedString(),
                    ],
                ]
            ],
        ])
        catalog["integrations"] = integrations
        var users = try #require(catalog["users"] as? [[String: Any]])
        users[0]["connected"] = ((users[0]["connected"] as? [String]) ?? []) + ["googleDrive"]
        catalog["users"] = users
        let file = TestPaths.scratch("drive-catalog") + "/catalog.json"
        try JSONSerialization.data(withJSONObject: catalog).write(to: URL(fileURLWithPath: file))
        return try SandboxCatalog.load(contentsOf: URL(fileURLWithPath: file))
    }

    static func content(_ result: [String: Any]?) -> [[String: Any]] {
        result?["content"] as? [[String: Any]] ?? []
    }

    @Test func anActionKitDownloadIsAnEmbeddedResource() async throws {
        try await TestStack.withActionKit(catalog: Self.catalogWithDrive()) { _, _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            let call = try await client.send(
                body: MCPTestClient.call(2, "GOOGLE_DRIVE_DOWNLOAD_FILE", #"{"fileId":"f1"}"#), token: alice,
                session: session)
            #expect(call.result?["isError"] == nil, "\(call.body)")
            let item = try #require(Self.content(call.result).first)
            #expect(item["type"] as? String == "resource")
            let resource = try #require(item["resource"] as? [String: Any])
            #expect(resource["uri"] as? String == "actionkit://action/GOOGLE_DRIVE_DOWNLOAD_FILE")
            #expect(resource["mimeType"] as? String == "application/pdf")
            #expect((resource["blob"] as? String).flatMap { Data(base64Encoded: $0) }.map(Array.init) == Self.pdf)
            // JSON answers stay text with structured content.
            let send = try await client.send(
                body: MCPTestClient.call(3, "SLACK_SEND_MESSAGE", ##"{"channel":"#a","text":"t"}"##), token: alice,
                session: session)
            #expect(Self.content(send.result).first?["type"] as? String == "text")
            #expect(send.result?["structuredContent"] != nil)
        }
    }

    @Test func anOpenAPIToolAnsweringAnImage() async throws {
        let folder = TestPaths.scratch("openapi-binary")
        try """
        openapi: 3.0.3
        info: {title: Spotify images, version: "1"}
        paths:
          /images/cover.png:
            get: {summary: Get cover image, responses: {"200": {description: png}}}
        """.write(toFile: folder + "/custom.spotify.yaml", atomically: true, encoding: .utf8)
        try await OpenAPITests.withOpenAPI(folder: folder) { _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            let call = try await client.send(
                body: MCPTestClient.call(2, "SPOTIFY_GET_COVER_IMAGE", "{}"), token: alice, session: session)
            #expect(call.result?["isError"] == nil, "\(call.body)")
            let item = try #require(Self.content(call.result).first)
            #expect(item["type"] as? String == "image")
            #expect(item["mimeType"] as? String == "image/png")
            let data = try #require((item["data"] as? String).flatMap { Data(base64Encoded: $0) })
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test func aProxyCallAnsweringAZip() async throws {
        try await ProxyAPITests.withProxy { _, client in
            let (token, session) = try await ProxyAPITests.session(client, "alice")
            let call = try await client.send(
                body: ProxyAPITests.call(
                    #"{"integration":"github","url":"https://api.github.com/repos/octocat/hello-world/zipball","httpMethod":"GET"}"#
                ),
                token: token, session: session)
            #expect(call.result?["isError"] == nil, "\(call.body)")
            let content = Self.content(call.result)
            #expect(content.first?["text"] as? String == "HTTP 200\n\n(application/zip, 22 bytes)")
            let resource = try #require(content.last?["resource"] as? [String: Any])
            #expect(resource["mimeType"] as? String == "application/zip")
            #expect(resource["uri"] as? String == "https://api.github.com/repos/octocat/hello-world/zipball")
        }
    }
}
