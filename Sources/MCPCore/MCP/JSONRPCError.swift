import JSONCore

/// A JSON-RPC error object, with the codes this server uses.
package struct JSONRPCError: Error, Sendable, Equatable {
    package var code: Int
    package var message: String
    /// The error's `data` member, when the code defines one (-32020…-32022, -32042).
    package var data: JSONValue?

    package init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    package static func parseError(_ message: String = "Parse error") -> JSONRPCError {
        .init(code: -32700, message: message)
    }
    package static func invalidRequest(_ message: String) -> JSONRPCError { .init(code: -32600, message: message) }
    package static func methodNotFound(_ method: String) -> JSONRPCError {
        .init(code: -32601, message: "Method not found: \(method)")
    }
    package static func invalidParams(_ message: String) -> JSONRPCError { .init(code: -32602, message: message) }
    package static func internalError(_ message: String) -> JSONRPCError { .init(code: -32603, message: message) }
    /// Transport-level errors (bad headers, capacity, missing session), as the TypeScript
    /// server sends them.
    package static func server(_ message: String) -> JSONRPCError { .init(code: -32000, message: message) }
    package static func sessionNotFound() -> JSONRPCError { .init(code: -32001, message: "Session not found") }
    package static func requestCancelled() -> JSONRPCError { .init(code: -32800, message: "Request cancelled") }

    // MARK: 2026-07-28 (MCP 2026-07-28, Streamable HTTP and Lifecycle)

    /// -32020: a routing header (`MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name`,
    /// `Mcp-Param-*`) is missing, malformed, repeated or disagrees with the body.
    package static func headerMismatch(_ message: String) -> JSONRPCError {
        .init(code: -32020, message: "Header mismatch: \(message)")
    }

    /// -32022: the requested protocol version is not served; `data` lists the supported ones and
    /// echoes the requested one.
    package static func unsupportedProtocolVersion(_ requested: String, supported: [String]) -> JSONRPCError {
        .init(
            code: -32022, message: "Unsupported protocol version: \(requested)",
            data: ["supported": .array(supported.map { .string($0) }), "requested": .string(requested)])
    }

    // MARK: 2025-11-25 (MCP 2025-11-25, Elicitation: URL mode)

    /// -32042: the request cannot go on until the user completes the URL elicitations in
    /// `data.elicitations` (2025-11-25 only: retired at 2026-07-28).
    package static func urlElicitationRequired(_ message: String, elicitations: [JSONValue]) -> JSONRPCError {
        .init(code: -32042, message: message, data: ["elicitations": .array(elicitations)])
    }
}
