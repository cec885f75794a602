import Hummingbird
import JSONCore
import NIOCore

/// The sandbox's own API under `/_sandbox`, for tests and demos: the request log, faults,
/// users and their connections.
struct SandboxControl: Sendable {
    let sandbox: Sandbox

    func register(on router: Router<SandboxRequestContext>) {
        let control = router.group("_sandbox")
        control.get("requests") { _, _ in Sandbox.json(.ok, sandbox.requests.jsonValue) }
        control.delete("requests") { _, _ in
            sandbox.requests.clear()
            return Response(status: .noContent)
        }
        control.post("faults") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024)
            guard let value = try? JSONValue.parse(body.readableBytesView), let target = value["target"]?.stringValue,
                let kind = value["kind"]?.stringValue.flatMap(SandboxFaults.Fault.Kind.init(rawValue:))
            else {
                return Sandbox.json(.badRequest, ["message": "expected {target, kind, value?, times?}"])
            }
            func integer(_ key: String) -> Int? { if case .integer(let n)? = value[key] { n } else { nil } }
            sandbox.faults.set(.init(kind: kind, value: integer("value"), times: integer("times")), for: target)
            return Response(status: .noContent)
        }
        control.delete("faults") { _, _ in
            sandbox.faults.clear()
            return Response(status: .noContent)
        }
        control.get("users") { _, _ in
            Sandbox.json(
                .ok,
                .array(
                    sandbox.state.users.map { user in
                        [
                            "id": .string(user),
                            "connected": .array(sandbox.state.connectedIntegrations(of: user).map { .string($0) }),
                        ]
                    }))
        }
    }
}
