/// A JSON-RPC error object, with the codes this server uses.
package struct JSONRPCError: Error, Sendable, Equatable {
    package var code: Int
    package var message: String

    package init(code: Int, message: String) {
        self.code = code
        self.message = message
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
}
