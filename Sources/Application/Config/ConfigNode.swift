import Settings
import YAMLJSON

/// A YAML value with the place it was written, after `${VAR}` interpolation.
package struct ConfigNode: Sendable {
    package enum Value: Sendable {
        /// A scalar as written; `plain` is false for quoted scalars (never null, bool or number).
        case scalar(String, plain: Bool)
        case mapping([(key: String, keyLocation: ConfigLocation, value: ConfigNode)])
        case sequence([ConfigNode])
    }

    package var value: Value
    package var location: ConfigLocation

    /// True for YAML 1.2's plain nulls: an empty scalar, `~`, `null`, `Null`, `NULL`.
    package var isNull: Bool {
        if case .scalar(let text, plain: true) = value { return YAMLJSON.scalar(text) == .null }
        return false
    }

    /// A short name of the node's kind, for error messages.
    package var kindName: String {
        switch value {
        case .scalar(let text, _): return isNull ? "null" : "\"\(text)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}
