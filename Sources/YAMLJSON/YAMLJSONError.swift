/// Why a YAML text could not be read as JSON.
public struct YAMLJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not well-formed YAML (libyaml's problem, with its line and column in `message`).
        case syntax
        /// A mapping key that is not a scalar (JSON keys are strings).
        case complexKey
        /// A scalar whose explicit tag it does not fit (`!!int abc`).
        case badTaggedScalar
        /// A `<<` merge key whose value is not a mapping or a list of mappings.
        case badMerge
        /// The text holds no document.
        case empty
    }

    public var kind: Kind
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        guard let line else { return message }
        return "\(line):\(column ?? 0): \(message)"
    }
}
