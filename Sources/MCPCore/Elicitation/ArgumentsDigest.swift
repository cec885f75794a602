import Crypto
import JSONCore

/// SHA-256 of a call's arguments in a canonical JSON encoding: what a ``RequestState`` binds so
/// that its retry must repeat the same call.
///
/// Canonical here means: compact JSON as `JSONValue.encoded()` writes it (object keys sorted,
/// no whitespace, `/` unescaped, strings as their UTF-8 bytes with only `"`, `\` and control
/// characters escaped), after two normalizations:
/// - absent arguments and `null` digest the same as `{}` (the dispatcher treats them alike);
/// - every number equal to an integer that fits `Int` is written as that integer at any depth,
///   so `1`, `1.0`, `1e0` and `-0.0` (as `0`) digest alike; other numbers are written in Swift's
///   shortest round-trip form, so equal doubles digest alike however the client spelled them.
///
/// Member order never matters; array order does. Strings are compared as bytes, not under
/// Unicode normalization: a client that echoes its arguments byte for byte gets the same digest.
package struct ArgumentsDigest: Sendable, Hashable {
    /// The 32 bytes of the SHA-256.
    package let bytes: [UInt8]

    /// The length of ``bytes``.
    package static let length = 32

    /// The digest of `arguments`; nil and `null` digest as `{}`.
    package init(_ arguments: JSONValue?) {
        let canonical = Self.canonical(arguments ?? .null)
        bytes = Array(SHA256.hash(data: canonical.encoded()))
    }

    /// A digest read back from its 32 bytes; nil for any other length.
    package init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.length else { return nil }
        self.bytes = Array(bytes)
    }

    /// `value` with `null` at the top as `{}` and integral numbers as integers.
    private static func canonical(_ value: JSONValue) -> JSONValue {
        value == .null ? .object([:]) : normalized(value)
    }

    private static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number):
            if let integer = Int(exactly: number) { return .integer(integer) }
            return value
        case .array(let elements): return .array(elements.map(normalized))
        case .object(let members): return .object(members.mapValues(normalized))
        case .null, .bool, .integer, .string: return value
        }
    }
}
