/// A JSON-RPC error object, with the codes this server uses.
public struct JSONRPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String = "Parse error") -> JSONRPCError {
        .init(code: -32700, message: message)
    }
    public static func invalidRequest(_ message: String) -> JSONRPCError { .init(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> JSONRPCError {
        .init(code: -32601, message: "Method not found: \(method)")
    }
    public static func invalidParams(_ message: String) -> JSONRPCError { .init(code: -32602, message: message) }
    public static func internalError(_ message: String) -> JSONRPCError { .init(code: -32603, message: message) }
    /// Transport-level errors (bad headers, capacity, missing session), as the TypeScript
    /// server sends them.
    public static func server(_ message: String) -> JSONRPCError { .init(code: -32000, message: message) }
    public static func sessionNotFound() -> JSONRPCError { .init(code: -32001, message: "Session not found") }
    public static func requestCancelled() -> JSONRPCError { .init(code: -32800, message: "Request cancelled") }
}
