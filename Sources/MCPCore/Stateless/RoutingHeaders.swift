import Foundation
import JSONCore

/// The routing headers of a 2026-07-28 HTTP request (MCP 2026-07-28, Streamable HTTP: request
/// headers), which must agree with its body: `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`
/// and `Mcp-Param-{token}`. Values are as received; ``decode(_:)`` reads a base64 sentinel.
package struct RoutingHeaders: Sendable, Equatable {
    /// `MCP-Protocol-Version`, as sent.
    package var version: String?
    /// `Mcp-Method`, as sent (maybe base64-encoded).
    package var method: String?
    /// `Mcp-Name`, as sent (maybe base64-encoded).
    package var name: String?
    /// `Mcp-Param-*` values by their token, lowercased (header names are case-insensitive).
    package var params: [String: String]
    /// Routing headers that came more than once, by name as first seen.
    package var repeated: [String]

    /// Headers as given (tests and the HTTP reader, `RoutingHeaders(HTTPFields)`).
    package init(
        version: String? = nil, method: String? = nil, name: String? = nil, params: [String: String] = [:],
        repeated: [String] = []
    ) {
        self.version = version
        self.method = method
        self.name = name
        self.params = params
        self.repeated = repeated
    }

    /// Methods whose `Mcp-Name` is required, with the params member it mirrors.
    private static let namedBy = ["tools/call": "name", "prompts/get": "name", "resources/read": "uri"]

    /// -32020 when a routing header came more than once (checked before the body is read,
    /// see ``StatelessAdmission``); nil otherwise.
    package var repetition: JSONRPCError? {
        repeated.first.map { .headerMismatch("\($0) appears more than once") }
    }

    /// -32020 when a header is missing, malformed or disagrees with the body: the version with
    /// `envelopeVersion`, `Mcp-Method` with `method`, `Mcp-Name` with `params.name`
    /// (`params.uri` for `resources/read`). Nil when they agree. Repetition is ``repetition``'s.
    package func mismatch(method: String, params: JSONValue?, envelopeVersion: String) -> JSONRPCError? {
        guard let version else { return .headerMismatch("MCP-Protocol-Version is required") }
        guard version == envelopeVersion else {
            return .headerMismatch(
                "MCP-Protocol-Version \(version) differs from the body's protocol version \(envelopeVersion)")
        }
        guard let sent = self.method else { return .headerMismatch("Mcp-Method is required") }
        guard let decoded = Self.decode(sent) else { return .headerMismatch("Mcp-Method is malformed") }
        guard decoded == method else {
            return .headerMismatch("Mcp-Method \(decoded) differs from the body's \(method)")
        }
        guard let member = Self.namedBy[method], let expected = params?[member]?.stringValue else { return nil }
        guard let name else { return .headerMismatch("Mcp-Name is required for \(method)") }
        guard let decodedName = Self.decode(name) else { return .headerMismatch("Mcp-Name is malformed") }
        guard decodedName == expected else {
            return .headerMismatch("Mcp-Name \(decodedName) differs from the body's params.\(member) \(expected)")
        }
        return nil
    }

    /// -32020 when the `Mcp-Param-*` headers disagree with the call's arguments that the tool
    /// mirrors in headers (``Tool/headerArguments``): a header missing while its argument is
    /// present, a header present without its argument, or different values (integers compare as
    /// numbers). Headers of arguments the tool does not mirror are ignored.
    package func paramMismatch(_ mirrored: [HeaderArgument], arguments: JSONValue) -> JSONRPCError? {
        for argument in mirrored {
            let sent = params[argument.token.lowercased()]
            // A null argument is not set (`.some`: a bare `nil` would be read as JSONValue.null).
            let value = arguments[argument.property].flatMap { $0 == .null ? nil : .some($0) }
            switch (sent, value) {
            case (nil, nil):
                continue
            case (nil, _?):
                return .headerMismatch("Mcp-Param-\(argument.token) is required: the call sets \(argument.property)")
            case (_?, nil):
                return .headerMismatch(
                    "Mcp-Param-\(argument.token) is sent but the call does not set \(argument.property)")
            case (let sent?, let value?):
                guard let text = Self.decode(sent) else {
                    return .headerMismatch("Mcp-Param-\(argument.token) is malformed")
                }
                guard Self.matches(text, value) else {
                    return .headerMismatch("Mcp-Param-\(argument.token) differs from the argument \(argument.property)")
                }
            }
        }
        return nil
    }

    private static func matches(_ header: String, _ argument: JSONValue) -> Bool {
        switch argument {
        case .string(let text): return header == text
        case .integer(let number): return Int(header) == number
        case .number(let number): return Double(header) == number
        case .bool(let flag): return header == (flag ? "true" : "false")
        default: return false
        }
    }

    /// A header value as text: `=?base64?…?=` decoded from base64 as UTF-8, else the value
    /// itself when it is plain visible ASCII (spaces inside, none at the edges). Nil when it is
    /// neither (MCP 2026-07-28, Streamable HTTP: header value encoding).
    package static func decode(_ value: String) -> String? {
        let prefix = "=?base64?", suffix = "?="
        if value.hasPrefix(prefix), value.hasSuffix(suffix), value.utf8.count >= prefix.utf8.count + suffix.utf8.count {
            let encoded = value.dropFirst(prefix.count).dropLast(suffix.count)
            guard let data = Data(base64Encoded: String(encoded)) else { return nil }
            return String(data: data, encoding: .utf8)
        }
        let bytes = value.utf8
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }), bytes.first != 0x20, bytes.last != 0x20 else {
            return nil
        }
        return value
    }
}
