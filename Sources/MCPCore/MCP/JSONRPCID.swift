import JSONCore

/// A JSON-RPC request id: a number or a string (`1` and `"1"` are different ids).
package enum JSONRPCID: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case string(String)

    package init?(_ value: JSONValue) {
        switch value {
        case .integer(let number): self = .number(number)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    package var json: JSONValue {
        switch self {
        case .number(let number): return .integer(number)
        case .string(let text): return .string(text)
        }
    }

    package var description: String {
        switch self {
        case .number(let number): return "\(number)"
        case .string(let text): return "\"\(text)\""
        }
    }
}
