import JSONCore

/// What every 2026-07-28 result carries (MCP 2026-07-28, Basic: results): `resultType`
/// (`complete` unless the result says otherwise) and the server-info stamp in `_meta`; list
/// and discover results add `ttlMs` and `cacheScope`.
package enum StatelessResult {
    /// `_meta` of every result: the server's name and version.
    package static let meta: JSONValue = [
        RequestEnvelope.serverInfoKey: [
            "name": .string(MCPDispatcher.serverName), "version": .string(HostVersion.current),
        ]
    ]

    /// Cache hints of a result that depends on the user (MCP 2026-07-28: `private` unless it
    /// is the same for every caller).
    package static func cacheHints(ttlMs: Int) -> [String: JSONValue] {
        ["ttlMs": .integer(max(0, ttlMs)), "cacheScope": "private"]
    }

    /// `value` stamped; `extra` members are added too. A result that is not an object is wrapped
    /// in nothing: it is returned as it is (no method of ours answers one).
    package static func stamped(_ value: JSONValue, extra: [String: JSONValue] = [:]) -> JSONValue {
        guard case .object(var object) = value else { return value }
        if object["resultType"] == nil { object["resultType"] = "complete" }
        object["_meta"] = meta
        for (key, member) in extra { object[key] = member }
        return .object(object)
    }

    /// A serialized result object stamped the same way, by splicing members in before its
    /// closing brace (the object is one a provider or a list page made: it has no `_meta` or
    /// `resultType` of its own). Bytes that do not end an object are returned unchanged.
    package static func stamped(serialized object: [UInt8], extra: [String: JSONValue] = [:]) -> [UInt8] {
        var end = object.endIndex
        while end > object.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(object[end - 1]) { end -= 1 }
        guard end > object.startIndex, object[end - 1] == UInt8(ascii: "}") else { return object }
        var members = extra
        members["resultType"] = "complete"
        members["_meta"] = meta
        // The members' own encoding, without its braces.
        let encoded = JSONValue.object(members).encoded()
        var bytes = Array(object[..<(end - 1)])
        bytes.reserveCapacity(object.count + encoded.count)
        var last = bytes.endIndex
        while last > bytes.startIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[last - 1]) { last -= 1 }
        if last > bytes.startIndex, bytes[last - 1] != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes += encoded.dropFirst()
        return bytes
    }
}
