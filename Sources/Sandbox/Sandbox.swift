import Foundation
import Hummingbird
import JSONCore
import JWTKit
import Logging
import NIOCore

/// An offline stand-in for the Paragon APIs the providers call (ActionKit, Zeus, the Proxy API)
/// and for the Connect SDK, speaking their shapes over real HTTP. State lives in memory.
public final class Sandbox: Sendable {
    public let catalog: SandboxCatalog
    public let state: SandboxState
    public let faults = SandboxFaults()
    public let requests = RequestLog()
    public let projectID: String
    let tokens: SandboxTokens

    public init(catalog: SandboxCatalog, signingKey: Insecure.RSA.PrivateKey, projectID: String = "sandbox-project")
        async
    {
        self.catalog = catalog
        self.state = SandboxState(catalog: catalog)
        self.projectID = projectID
        self.tokens = await SandboxTokens(key: signingKey)
    }

    /// A user token for `user`, signed with the sandbox's key (for demos and tests).
    public func userToken(for user: String, lifetime: TimeInterval = 24 * 3600) async throws -> String {
        try await tokens.sign(user: user, lifetime: lifetime)
    }

    /// The sandbox's HTTP application.
    public func application(
        host: String, port: Int, logger: Logger = Logger(label: "paragon-sandbox"),
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "paragon-sandbox"),
            onServerRunning: onServerRunning, logger: logger)
    }

    public func router() -> Router<SandboxRequestContext> {
        let router = Router(context: SandboxRequestContext.self)
        let api = router.group("projects/:project")
        api.get("actions") { request, context in
            try await self.answer(request, context) { try await self.listActions($0, $1) }
        }
        api.post("actions") { request, context in
            try await self.answer(request, context) { try await self.runAction($0, $1) }
        }
        api.get("sdk/integrations") { request, context in
            try await self.answer(request, context) { try await self.integrations($0, $1) }
        }
        api.get("sdk/me") { request, context in
            try await self.answer(request, context) { try await self.user($0, $1) }
        }
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            api.on("sdk/proxy/:integration", method: method) { request, context in
                try await self.answer(request, context) { try await self.proxy($0, $1) }
            }
        }
        SandboxControl(sandbox: self).register(on: router)
        ConnectStandIn(sandbox: self).register(on: router)
        return router
    }

    // MARK: Plumbing

    /// A request as the Paragon routes see it: the body read, the user authenticated.
    struct Call {
        var request: Request
        var body: [UInt8]
        var user: String
        var context: SandboxRequestContext
    }

    /// Logs the request, checks the project and the token, then lets `handler` answer.
    private func answer(
        _ request: Request, _ context: SandboxRequestContext, _ handler: (Call, Sandbox) async throws -> Response
    ) async throws -> Response {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let body = Array(buffer.readableBytesView)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        requests.append(
            .init(
                method: request.method.rawValue, path: request.uri.description, headers: headers,
                body: String(decoding: body, as: UTF8.self)))
        guard context.parameters.get("project") == projectID else {
            return Self.json(.notFound, ["message": .string("Project not found.")])
        }
        guard let user = await tokens.subject(ofBearer: request.headers[.authorization]) else {
            return Self.json(.unauthorized, ["message": "Unauthorized"])
        }
        return try await handler(Call(request: request, body: body, user: user, context: context), self)
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: value.encoded())))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A `file` effect's answer: its bytes with its media type.
    static func file(_ effect: SandboxCatalog.Effect) -> Response {
        let bytes = effect.content.flatMap { Data(base64Encoded: $0) } ?? Data()
        return Response(
            status: .ok, headers: [.contentType: effect.mediaType ?? "application/octet-stream"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(bytes))))
    }

    static let notEnabled = json(.badRequest, ["message": "Integration not enabled for user."])
}
