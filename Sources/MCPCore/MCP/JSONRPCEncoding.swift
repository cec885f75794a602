import JSONCore

/// Encodes outgoing JSON-RPC messages.
package enum JSONRPCEncoding {
    package static func result(id: JSONRPCID, _ result: JSONValue) -> [UInt8] {
        JSONValue.object(["jsonrpc": "2.0", "id": id.json, "result": result]).encoded()
    }

    /// A result answer around an already serialized result object (a cached `tools/list` page).
    package static func result(id: JSONRPCID, serialized result: [UInt8]) -> [UInt8] {
        var bytes = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        bytes.reserveCapacity(result.count + 64)
        bytes += id.json.encoded()
        bytes += Array(#","result":"#.utf8)
        bytes += result
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// An error answer; `id` nil encodes `"id": null`.
    package static func error(id: JSONRPCID?, _ error: JSONRPCError) -> [UInt8] {
        var object: [String: JSONValue] = ["code": .integer(error.code), "message": .string(error.message)]
        if let data = error.data { object["data"] = data }
        return JSONValue.object(["jsonrpc": "2.0", "id": id?.json ?? .null, "error": .object(object)]).encoded()
    }

    package static func notification(_ method: String, params: JSONValue? = nil) -> [UInt8] {
        var object: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { object["params"] = params }
        return JSONValue.object(object).encoded()
    }
}
