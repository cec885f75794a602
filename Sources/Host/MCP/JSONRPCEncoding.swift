import JSONCore

/// Encodes outgoing JSON-RPC messages.
enum JSONRPCEncoding {
    static func result(id: JSONRPCID, _ result: JSONValue) -> [UInt8] {
        JSONValue.object(["jsonrpc": "2.0", "id": id.json, "result": result]).encoded()
    }

    /// An error answer; `id` nil encodes `"id": null`.
    static func error(id: JSONRPCID?, _ error: JSONRPCError) -> [UInt8] {
        JSONValue.object([
            "jsonrpc": "2.0", "id": id?.json ?? .null,
            "error": ["code": .integer(error.code), "message": .string(error.message)],
        ]).encoded()
    }

    static func notification(_ method: String, params: JSONValue? = nil) -> [UInt8] {
        var object: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { object["params"] = params }
        return JSONValue.object(object).encoded()
    }
}
