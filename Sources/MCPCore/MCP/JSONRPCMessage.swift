import JSONCore

/// One JSON-RPC message as received, classified.
package enum JSONRPCMessage: Sendable {
    case request(id: JSONRPCID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A response or error from the client (to a server→client request).
    case response
    /// Not a valid JSON-RPC 2.0 message; `id` when one could be read, for the error answer.
    case invalid(id: JSONRPCID?, reason: String)

    /// Classifies a parsed JSON value. `"id": null` is an invalid request, never a
    /// notification: it gets an error answer, not silence.
    package init(_ value: JSONValue) {
        guard case .object(let object) = value else {
            self = .invalid(id: nil, reason: "a JSON-RPC message must be an object")
            return
        }
        let idValue = object["id"]
        let id = idValue.flatMap(JSONRPCID.init)
        guard object["jsonrpc"] == .string("2.0") else {
            self = .invalid(id: id, reason: "jsonrpc must be \"2.0\"")
            return
        }
        if let methodValue = object["method"] {
            guard case .string(let method) = methodValue else {
                self = .invalid(id: id, reason: "method must be a string")
                return
            }
            let params = object["params"]
            switch params {
            case nil, .object?, .array?: break
            default:
                self = .invalid(id: id, reason: "params must be an object or an array")
                return
            }
            guard let idValue else {
                self = .notification(method: method, params: params)
                return
            }
            guard let id else {
                self = .invalid(
                    id: nil, reason: "id must be a string or a number, not \(idValue == .null ? "null" : "that")")
                return
            }
            self = .request(id: id, method: method, params: params)
            return
        }
        if object["result"] != nil || object["error"] != nil {
            self = .response
            return
        }
        self = .invalid(id: id, reason: "neither a request, a notification nor a response")
    }
}
