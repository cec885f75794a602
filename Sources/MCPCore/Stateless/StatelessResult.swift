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

    /// The members a serialized result gets, encoded once (`"_meta":{…},"resultType":"complete"`
    /// and any extra, without braces): the call path stamps every result with the same bytes.
    package struct Stamp: Sendable {
        package let members: [UInt8]

        package init(extra: [String: JSONValue] = [:]) {
            var object = extra
            object["resultType"] = "complete"
            object["_meta"] = StatelessResult.meta
            members = Array(JSONValue.object(object).encoded().dropFirst().dropLast())
        }
    }

    /// The stamp of a `tools/call` result passed on as its bytes.
    package static let complete = Stamp()

    /// A serialized result object stamped the same way, by splicing members in before its
    /// closing brace (the object is one a provider or a list page made: it has no `_meta` or
    /// `resultType` of its own). Bytes that do not end an object are returned unchanged.
    package static func stamped(serialized object: [UInt8], extra: [String: JSONValue] = [:]) -> [UInt8] {
        var bytes: [UInt8] = []
        return append(object, stamp: Stamp(extra: extra), to: &bytes) ? bytes : object
    }

    /// The JSON-RPC response carrying `object` stamped with `stamp`, written in one pass (as
    /// ``JSONRPCEncoding/result(id:serialized:)`` writes an unstamped one).
    package static func response(id: JSONRPCID, result object: [UInt8], stamp: Stamp) -> [UInt8] {
        var bytes = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        bytes.reserveCapacity(object.count + stamp.members.count + 64)
        bytes += id.json.encoded()
        bytes += Array(#","result":"#.utf8)
        if !append(object, stamp: stamp, to: &bytes) { bytes += object }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// Appends `object` with `stamp`'s members spliced in before its closing brace; false (and
    /// nothing appended) when `object` does not end an object.
    private static func append(_ object: [UInt8], stamp: Stamp, to bytes: inout [UInt8]) -> Bool {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var end = object.endIndex
        while end > object.startIndex, isSpace(object[end - 1]) { end -= 1 }
        guard end > object.startIndex, object[end - 1] == UInt8(ascii: "}") else { return false }
        var last = end - 1
        while last > object.startIndex, isSpace(object[last - 1]) { last -= 1 }
        bytes += object[..<(end - 1)]
        if last > object.startIndex, object[last - 1] != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes += stamp.members
        bytes.append(UInt8(ascii: "}"))
        return true
    }
}
