import Foundation
import JSONCore
import Testing

/// Arguments that would change a request's shape (its path, its headers, its parts) through the
/// real `.so` and the sandbox: refused before anything is sent, or escaped in what is sent, as
/// the sandbox's request log shows.
@Suite struct OpenAPIRequestShapeTests {
    static let proxyPath = "/projects/sandbox-project/sdk/proxy/"

    /// One spec, as the `github` integration (alice has it connected).
    static let spec = """
        openapi: 3.0.3
        info: {title: Shapes, version: "1"}
        servers: [{url: "https://api.example.com/v1"}]
        paths:
          /contacts/{id}:
            delete:
              summary: Delete contact
              responses: {"204": {description: gone}}
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: X-Note, in: header, schema: {type: string}}
          /search:
            get:
              summary: Search
              responses: {"200": {description: ok}}
              parameters:
                - {name: q, in: query, allowReserved: true, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
          /tenant:
            get:
              summary: Tenant
              servers: [{url: "https://{tenant}.example.com"}]
              responses: {"200": {description: ok}}
          /uploads:
            post:
              summary: Upload
              responses: {"200": {description: ok}}
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        title: {type: string}
                        file: {type: string, format: binary}
        """

    static func folder() throws -> String {
        let folder = TestPaths.scratch("openapi-shapes")
        try spec.write(toFile: folder + "/github.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    static func call(
        _ client: MCPTestClient, _ sandbox: TestSandbox, token: String, session: String, _ tool: String,
        _ arguments: String
    ) async throws -> (reply: MCPTestClient.Reply, sent: [String: String]?, body: String?) {
        sandbox.sandbox.requests.clear()
        let reply = try await client.send(body: MCPTestClient.call(9, tool, arguments), token: token, session: session)
        let sent = sandbox.sandbox.requests.matching(proxyPath).last
        return (reply, sent?.headers, sent?.body)
    }

    @Test func valuesThatWouldReshapeTheRequestAreRefusedOrEscaped() async throws {
        try await OpenAPITests.withOpenAPI(folder: Self.folder()) { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let (session, tools) = try await OpenAPITests.tools(client, token: alice)
            #expect(Set(tools.keys) == ["GITHUB_DELETE_CONTACT", "GITHUB_SEARCH", "GITHUB_TENANT", "GITHUB_UPLOAD"])

            // An operation's server without its variable's value: the document's server, not
            // a relative path.
            let (_, sentTenant, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_TENANT", "{}")
            #expect(sentTenant?["x-paragon-proxy-url"] == "https://api.example.com/v1/tenant")

            // A path value of `..` would delete /v1, not a contact: refused, nothing sent.
            for id in ["..", "."] {
                let (reply, sent, _) = try await Self.call(
                    client, sandbox, token: alice, session: session, "GITHUB_DELETE_CONTACT",
                    #"{"params":{"id":"\#(id)"}}"#)
                #expect(reply.result?["isError"] as? Bool == true, "\(reply.body)")
                #expect(TestStack.text(of: reply.result)?.contains("path parameter id cannot be `\(id)`") == true)
                #expect(sent == nil, "nothing went upstream")
            }
            let (deleted, sentDelete, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_DELETE_CONTACT", #"{"params":{"id":"..."}}"#)
            #expect(deleted.result?["isError"] == nil, "\(deleted.body)")
            #expect(sentDelete?["x-paragon-proxy-url"] == "https://api.example.com/v1/contacts/...")

            // A header value with a line break: a tool error naming it, nothing sent.
            let (header, sentHeader, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_DELETE_CONTACT",
                #"{"params":{"id":"1","X-Note":"a\r\nX-Evil: 1"}}"#)
            #expect(header.result?["isError"] as? Bool == true, "\(header.body)")
            #expect(TestStack.text(of: header.result)?.contains("header parameter X-Note") == true, "\(header.body)")
            #expect(sentHeader == nil)

            // allowReserved keeps `/` and `?` but cannot add parameters or a fragment.
            let (_, sentSearch, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_SEARCH",
                #"{"params":{"q":"a/b?c&admin=true#x"}}"#)
            #expect(
                sentSearch?["x-paragon-proxy-url"] == "https://api.example.com/v1/search?q=a/b?c%26admin%3Dtrue%23x")

            // A part name (a body key) cannot end its quotes or its header.
            let (upload, _, body) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_UPLOAD",
                #"{"body":{"title":"T","x\"\r\nContent-Type: text/html":"v"}}"#)
            #expect(upload.result?["isError"] == nil, "\(upload.body)")
            #expect(body?.contains(#"name="x%22%0D%0AContent-Type: text/html""#) == true, "\(body ?? "")")
            #expect(body?.contains(#"name="title""#) == true)

            // What the listed schema leaves out and the agent sends anyway: a tool error saying
            // why, and nothing sent.
            let (file, sentFile, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_UPLOAD",
                #"{"body":{"title":"T","file":"aGVsbG8="}}"#)
            #expect(file.result?["isError"] as? Bool == true, "\(file.body)")
            #expect(TestStack.text(of: file.result)?.contains("body field file is a file") == true, "\(file.body)")
            #expect(sentFile == nil)
            let (cookie, sentCookie, _) = try await Self.call(
                client, sandbox, token: alice, session: session, "GITHUB_SEARCH", #"{"params":{"session":"s1"}}"#)
            #expect(cookie.result?["isError"] as? Bool == true, "\(cookie.body)")
            #expect(
                TestStack.text(of: cookie.result)?.contains("cookie parameters are not sent by this tool") == true,
                "\(cookie.body)")
            #expect(sentCookie == nil)
        }
    }

    /// A Swagger 2.0 form: an array field without `collectionFormat` is `csv` (2.0's default),
    /// sent `ids=a,b`; `multi` repeats the field; with `basic` auth the `token` field is Paragon's.
    @Test func swagger2FormArraysFollowTheirCollectionFormat() async throws {
        let folder = TestPaths.scratch("openapi-swagger-form")
        try #"""
        {"swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "slack.com", "basePath": "/api",
         "securityDefinitions": {"basic": {"type": "basic"}},
         "paths": {"/items.tag": {"post": {"operationId": "items_tag", "consumes": ["application/x-www-form-urlencoded"],
           "responses": {"200": {"description": "ok"}},
           "parameters": [
             {"name": "token", "in": "formData", "type": "string"},
             {"name": "ids", "in": "formData", "type": "array", "items": {"type": "string"}},
             {"name": "tags", "in": "formData", "type": "array", "collectionFormat": "multi", "items": {"type": "string"}},
             {"name": "path", "in": "formData", "type": "array", "collectionFormat": "pipes", "items": {"type": "string"}}]}}}}
        """#.write(toFile: folder + "/slack.json", atomically: true, encoding: .utf8)
        try await OpenAPITests.withOpenAPI(folder: folder) { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let (session, tools) = try await OpenAPITests.tools(client, token: alice)
            let properties = OpenAPITests.schema(tools["SLACK_ITEMS_TAG"], "properties", "body", "properties")
            #expect((properties as? [String: Any])?["token"] == nil, "basic auth: the token is Paragon's")
            let (reply, sent, body) = try await Self.call(
                client, sandbox, token: alice, session: session, "SLACK_ITEMS_TAG",
                #"{"body":{"ids":["a","b"],"tags":["x","y"],"path":["p","q"]}}"#)
            #expect(reply.result?["isError"] == nil, "\(reply.body)")
            #expect(sent?["content-type"] == "application/x-www-form-urlencoded")
            #expect(body == "ids=a,b&path=p%7Cq&tags=x&tags=y", "\(body ?? "")")
        }
    }
}
