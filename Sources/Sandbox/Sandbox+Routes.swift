import Foundation
import HTTPTypes
import Hummingbird
import JSONCore
import NIOCore

extension Sandbox {
    /// `GET /projects/{id}/actions`: every integration's actions, or with
    /// `limit_to_available=true` only those of the user's connected integrations.
    func listActions(_ call: Call, _ sandbox: Sandbox) async throws -> Response {
        // A latency fault delays the list; the others replace it.
        if let fault = faults.take(["list"]), let response = try await apply(fault, call) { return response }
        let onlyAvailable = call.request.uri.queryParameters["limit_to_available"] == "true"
        var actions: [String: JSONValue] = [:]
        for integration in catalog.integrations where !integration.actions.isEmpty {
            if onlyAvailable, !state.isConnected(call.user, integration.name) { continue }
            actions[integration.name] = .array(
                integration.actions.map { action in
                    [
                        "type": "function",
                        "function": [
                            "name": .string(action.name), "description": .string(action.description),
                            "parameters": action.parameters,
                        ],
                    ]
                })
        }
        return Self.json(.ok, ["actions": .object(actions)])
    }

    /// `POST /projects/{id}/actions` with `{action, parameters}`: runs the action as the user.
    func runAction(_ call: Call, _ sandbox: Sandbox) async throws -> Response {
        guard let body = try? JSONValue.parse(call.body), let name = body["action"]?.stringValue else {
            // Paragon answers some errors in plain text.
            return Self.text(.badRequest, "Bad Request: expected a JSON body with an action name")
        }
        guard let (integration, action) = catalog.action(named: name) else {
            return Self.json(.notFound, ["message": .string("Action \(name) not found.")])
        }
        if let fault = faults.take([name, integration.name]), let response = try await apply(fault, call) {
            return response
        }
        guard state.isConnected(call.user, integration.name) else { return Self.notEnabled }
        let parameters = body["parameters"] ?? .object([:])
        guard parameters.objectValue != nil else {
            return Self.json(.badRequest, ["message": "parameters must be an object."])
        }
        if action.effect.kind == .file { return Self.file(action.effect) }
        return Self.json(
            .ok,
            state.run(
                action.effect, integration: integration.name, user: call.user,
                parameters: parameters))
    }

    /// `GET /projects/{id}/sdk/integrations`: the project's integrations, built-in and custom.
    func integrations(_ call: Call, _ sandbox: Sandbox) async throws -> Response {
        if let fault = faults.take(["integrations"]), let response = try await apply(fault, call) { return response }
        return Self.json(
            .ok,
            .array(
                catalog.integrations.map { integration in
                    [
                        "id": .string(integration.id), "type": .string(integration.name), "isActive": true,
                        "name": .string(integration.displayName ?? integration.custom?.name ?? integration.name),
                        "customIntegrationId": integration.custom.map { .string($0.id) } ?? .null,
                        "customIntegration": integration.custom.map {
                            ["id": .string($0.id), "name": .string($0.name)]
                        }
                            ?? .null,
                    ]
                }))
    }

    /// `GET /projects/{id}/sdk/me`: the authenticated user, as the Connect SDK's `getUser()`
    /// reads it: `integrations` holds every integration of the project, `enabled` when the user
    /// connected it.
    func user(_ call: Call, _ sandbox: Sandbox) async throws -> Response {
        if let fault = faults.take(["me"]), let response = try await apply(fault, call) { return response }
        var integrations: [String: JSONValue] = [:]
        for integration in catalog.integrations {
            integrations[integration.name] = ["enabled": .bool(state.isConnected(call.user, integration.name))]
        }
        return Self.json(
            .ok, ["authenticated": true, "userId": .string(call.user), "integrations": .object(integrations)])
    }

    /// `/projects/{id}/sdk/proxy/{integration}` with `X-Paragon-Proxy-Url`: answers as the
    /// integration's API would for the endpoints its catalog entry emulates (query items and
    /// the JSON body are the parameters), and with a description of the request otherwise.
    func proxy(_ call: Call, _ sandbox: Sandbox) async throws -> Response {
        let name = call.context.parameters.get("integration") ?? ""
        guard let integration = catalog.integration(named: name) else {
            return Self.json(.notFound, ["message": .string("Integration \(name) not found.")])
        }
        if let fault = faults.take([name, "proxy"]), let response = try await apply(fault, call) { return response }
        guard state.isConnected(call.user, name) else { return Self.notEnabled }
        guard let target = call.request.headers[HTTPField.Name("X-Paragon-Proxy-Url")!], !target.isEmpty else {
            return Self.json(.badRequest, ["message": "X-Paragon-Proxy-Url is required."])
        }
        let absolute = target.hasPrefix("http://") || target.hasPrefix("https://")
        let url = absolute ? target : integration.apiBase + (target.hasPrefix("/") ? "" : "/") + target
        let body = try? JSONValue.parse(call.body)
        if let route = Self.route(integration, method: call.request.method.rawValue, url: url) {
            if route.effect.kind == .file { return Self.file(route.effect) }
            var parameters = body?.objectValue ?? [:]
            for item in URLComponents(string: url)?.queryItems ?? [] {
                parameters[item.name] = .string(item.value ?? "")
            }
            return Self.json(
                .ok,
                state.run(
                    route.effect, integration: name, user: call.user,
                    parameters: .object(parameters)))
        }
        return Self.json(
            .ok,
            [
                "ok": true, "integration": .string(name), "method": .string(call.request.method.rawValue),
                "url": .string(url),
                "body": call.body.isEmpty ? .null : (body ?? .string(String(decoding: call.body, as: UTF8.self))),
            ])
    }

    static func route(_ integration: SandboxCatalog.Integration, method: String, url: String)
        -> SandboxCatalog.ProxyRoute?
    {
        guard url.hasPrefix(integration.apiBase) else { return nil }
        let rest = url.dropFirst(integration.apiBase.count)
        let path =
            rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return integration.proxyRoutes?.first { $0.method == method && $0.path == path }
    }

    /// Applies a fault: a response to send instead, or nil to go on (after latency).
    func apply(_ fault: SandboxFaults.Fault, _ call: Call) async throws -> Response? {
        switch fault.kind {
        case .latency:
            try await Task.sleep(for: .milliseconds(fault.value ?? 1000))
            return nil
        case .serverError:
            let status = HTTPResponse.Status(code: fault.value ?? 500)
            return Self.text(status, "<html><body><h1>\(status.code) Server Error</h1></body></html>")
        case .rateLimited:
            return Self.json(
                .tooManyRequests, ["message": "Too many requests."],
                headers: [.retryAfter: "\(fault.value ?? 1)"])
        case .malformedJSON:
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"actions": {"slack": [{"type": "fun"#)))
        case .truncatedBody:
            let full = ByteBuffer(string: #"{"actions":{},"padding":""# + String(repeating: "x", count: 512) + #""}"#)
            let half = full.getSlice(at: 0, length: full.readableBytes / 2)!
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: full.readableBytes) { writer in
                    try await writer.write(half)
                    throw CutShort()
                })
        case .connectionReset:
            // SO_LINGER 0: closing sends a TCP reset instead of a clean end.
            if let socket = call.context.channel as? any SocketOptionProvider {
                try? await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
            }
            try? await call.context.channel.close().get()
            throw CutShort()
        }
    }

    struct CutShort: Error {}
}
