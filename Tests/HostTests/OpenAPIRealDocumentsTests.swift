import Foundation
import JSONCore
import Sandbox
import Testing

/// Real public documents (Tests/OpenAPICustomCoreTests/Fixtures/real) through the real `.so`
/// and the sandbox: each is copied under a sandbox integration's name, and a few operations of
/// each are called; the sandbox's request log shows what reached the Proxy API. (Every
/// operation's request is checked in the unit tests.)
@Suite struct OpenAPIRealDocumentsTests {
    static let real = TestPaths.packageRoot + "/Tests/OpenAPICustomCoreTests/Fixtures/real"
    static let proxyPath = "/projects/sandbox-project/sdk/proxy/"

    /// box as github (alice), slack (alice), spotify (alice), notion (bob), twilio as hubspot (bob).
    static func folder() throws -> String {
        let folder = TestPaths.scratch("openapi-real")
        for (source, target) in [
            ("box-openapi.json", "github.json"), ("slack_web_openapi_v2.json", "slack.json"),
            ("spotify-fixed.yml", "custom.spotify.yml"), ("notion-openapi.json", "notion.json"),
            ("twilio_messaging_v1.json", "hubspot.json"),
        ] {
            try FileManager.default.copyItem(atPath: real + "/" + source, toPath: folder + "/" + target)
        }
        return folder
    }

    static func call(
        _ client: MCPTestClient, _ sandbox: TestSandbox, token: String, session: String, _ tool: String,
        _ arguments: String
    ) async throws -> (MCPTestClient.Reply, RequestLog.Entry?) {
        sandbox.sandbox.requests.clear()
        let reply = try await client.send(body: MCPTestClient.call(9, tool, arguments), token: token, session: session)
        #expect(reply.result?["isError"] == nil, "\(tool): \(reply.body)")
        return (reply, sandbox.sandbox.requests.matching(proxyPath).last)
    }

    @Test func realDocumentsBuildCorrectRequests() async throws {
        try await OpenAPITests.withOpenAPI(folder: Self.folder()) { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let (session, tools) = try await OpenAPITests.tools(client, token: alice)
            // Every operation of the five files, over pages bounded in tools and bytes.
            #expect(tools.count == 649)
            #expect(tools.values.allSatisfy { OpenAPITests.schema($0, "properties") is [String: Any] }, "properties")
            #expect(
                tools.keys.allSatisfy {
                    $0.count <= 64
                        && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
                })

            // Slack (Swagger 2.0): a form body.
            let (_, post) = try await Self.call(
                client, sandbox, token: alice, session: session, "SLACK_CHAT_POST_MESSAGE",
                #"{"body":{"channel":"C1","text":"hello there"}}"#)
            #expect(post?.path == Self.proxyPath + "slack" && post?.method == "POST")
            #expect(post?.headers["x-paragon-proxy-url"] == "https://slack.com/api/chat.postMessage")
            #expect(post?.headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(post?.body == "channel=C1&text=hello%20there")

            // Box: a fragment in the path key, a required query parameter, an unexploded array.
            let (_, shared) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_GET_SHARED_LINK_FOR_FILE",
                #"{"params":{"file_id":"12 3","fields":"shared_link"}}"#)
            #expect(shared?.headers["x-paragon-proxy-url"] == "https://api.box.com/2.0/files/12%203?fields=shared_link")
            // Box: a JSON Patch body keeps its media type.
            let (_, patch) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_UPDATE_METADATA_INSTANCE_ON_FILE",
                #"{"params":{"file_id":"1","scope":"global","template_key":"properties"},"body":[{"op":"remove","path":"/a"}]}"#
            )
            #expect(patch?.method == "PUT")
            #expect(patch?.headers["content-type"] == "application/json-patch+json")
            #expect(patch?.json == [["op": "remove", "path": "/a"]])

            // Spotify: an array in an unexploded query parameter.
            let (_, search) = try await Self.call(
                client, sandbox, token: alice, session: session, "SPOTIFY_SEARCH_FOR_ITEM",
                #"{"params":{"q":"miles","type":["album","track"]}}"#)
            let url = try #require(search?.headers["x-paragon-proxy-url"])
            #expect(url.hasPrefix("https://api.spotify.com/v1/search?") && url.contains("type=album,track"), "\(url)")

            // An argument the tool cannot send is an error, and nothing goes out.
            sandbox.sandbox.requests.clear()
            let refused = try await client.send(
                body: MCPTestClient.call(
                    10, "SPOTIFY_SEARCH_FOR_ITEM", #"{"params":{"q":"x","type":["album"],"nope":1}}"#),
                token: alice, session: session)
            #expect(refused.result?["isError"] as? Bool == true)
            #expect(TestStack.text(of: refused.result)?.contains("nope") == true, "\(refused.body)")
            #expect(sandbox.sandbox.requests.matching(Self.proxyPath).isEmpty)
        }
    }

    @Test func notionAndTwilioAsBob() async throws {
        try await OpenAPITests.withOpenAPI(folder: Self.folder()) { sandbox, client in
            let bob = try await TestTokens.sign(sub: "bob")
            let (session, _) = try await OpenAPITests.tools(client, token: bob)
            // Notion: the version header's default is sent though the agent left it out.
            let (_, search) = try await Self.call(
                client, sandbox, token: bob, session: session, "NOTION_SEARCH_BY_TITLE", #"{"body":{"query":"x"}}"#)
            #expect(search?.headers["notion-version"] != nil, "\(String(describing: search?.headers))")
            #expect(search?.headers["x-paragon-proxy-url"] == "https://api.notion.com/v1/search")
            // Twilio: a form-encoded body.
            let (_, create) = try await Self.call(
                client, sandbox, token: bob, session: session, "HUBSPOT_CREATE_SERVICE",
                #"{"body":{"FriendlyName":"My service","StickySender":true}}"#)
            #expect(create?.headers["x-paragon-proxy-url"] == "https://messaging.twilio.com/v1/Services")
            #expect(create?.headers["content-type"] == "application/x-www-form-urlencoded")
            #expect(create?.body == "FriendlyName=My%20service&StickySender=true")
        }
    }
}
