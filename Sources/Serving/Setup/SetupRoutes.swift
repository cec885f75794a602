import Foundation
import HTTPTypes
import Hummingbird
import JSONCore
import NIOCore

/// `/setup`: the page behind a setup link, its script and style, and `POST /setup/complete`,
/// where the page reports that the user connected the integration.
package struct SetupRoutes {
    package let server: MCPServer
    /// The pages' Content-Security-Policy, made once.
    package let policy: String

    package init(server: MCPServer) {
        self.server = server
        self.policy = ContentSecurityPolicy.setupPage(
            paragon: server.config.paragon, extraSources: server.config.setup.cspExtraSources)
    }

    /// How long the user token handed to the Connect SDK is valid.
    package static let loginTokenLifetime: TimeInterval = 15 * 60

    package func register(on router: Router<MCPRequestContext>) {
        router.get("/setup") { request, _ in await page(request) }
        router.get("/setup/setup.js") { _, _ in
            Self.asset(SetupPage.script, type: "application/javascript; charset=utf-8")
        }
        router.get("/setup/setup.css") { _, _ in Self.asset(SetupPage.stylesheet, type: "text/css; charset=utf-8") }
        router.post("/setup/complete") { request, _ in await complete(request) }
    }

    package func page(_ request: Request) async -> Response {
        let token = request.uri.queryParameters["token"].map(String.init)
        guard let grant = await server.setupLinks.verify(token), let token else { return Self.invalidToken }
        let loginToken: String
        do {
            loginToken = try await server.authenticator.signer.userToken(
                for: grant.userID, lifetime: Self.loginTokenLifetime)
        } catch {
            server.logger.error("could not sign a user token for the setup page: \(error)")
            return Self.json(.internalServerError, ["error": "Could not open the setup page"])
        }
        let sdkURL = server.config.paragon.connectSDKURL
        let page = SetupPage(
            integration: grant.integration,
            displayName: await server.integrationNames.displayName(of: grant.integration, token: loginToken),
            projectID: grant.projectID, loginToken: loginToken, setupToken: token,
            sdkURL: sdkURL)
        var headers = Self.noCache
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = policy
        headers[.referrerPolicy] = "no-referrer"
        headers[.xFrameOptions] = "DENY"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    /// The page reports success, with its setup token as proof: the user's tools are fetched
    /// anew and their open sessions told `notifications/tools/list_changed`. A link completes
    /// once (on whichever instance, through the request-state ledger): a replay answers success
    /// with `"alreadyCompleted": true` and tells no one again.
    package func complete(_ request: Request) async -> Response {
        var request = request
        guard let body = try? await request.collectBody(upTo: 16 * 1024),
            let value = try? JSONValue.parse(body.readableBytesView),
            let grant = await server.setupLinks.verify(value["token"]?.stringValue)
        else { return Self.invalidToken }
        if await !server.firstCompletion(of: grant) {
            return Self.json(
                .ok,
                [
                    "ok": true, "integration": .string(grant.integration), "sessionsNotified": 0,
                    "alreadyCompleted": true,
                ])
        }
        let notified = await server.integrationConnected(grant)
        return Self.json(
            .ok, ["ok": true, "integration": .string(grant.integration), "sessionsNotified": .integer(notified)])
    }

    package static var invalidToken: Response { json(.badRequest, ["error": "Invalid token"]) }

    package static let noCache: HTTPFields = [
        .cacheControl: "no-store, max-age=0", .pragma: "no-cache", .xContentTypeOptions: "nosniff",
    ]

    package static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        var headers = noCache
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: value.encoded())))
    }

    package static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
