import Foundation
import JSONCore

extension JSONValue {
    /// JSON equality: numbers compare by value (`1` equals `1.0`), objects ignore key order.
    func schemaEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.integer(let a), .integer(let b)): return a == b
        case (.string(let a), .string(let b)):
            // Code points, not Swift's canonical equivalence: "é" and "e\u{301}" differ in JSON.
            return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.integer, .number), (.number, .integer), (.number, .number):
            return numericValue == other.numericValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { value.schemaEquals($0) } ?? false }
        default:
            return self == other
        }
    }

    var numericValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// True for integers and for numbers with no fractional part (`1.0` is an integer).
    var isInteger: Bool {
        switch self {
        case .integer: return true
        case .number(let value): return value.isFinite && value.rounded(.towardZero) == value
        default: return false
        }
    }

    /// The JSON Schema type names this value has.
    func hasType(_ name: String) -> Bool {
        switch (name, self) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("number", .integer), ("number", .number):
            return true
        case ("integer", _):
            return isInteger
        default:
            return false
        }
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
