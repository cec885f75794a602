import Settings

/// A problem with the configuration, with the place and key it concerns.
package struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The file is not valid YAML.
        case syntax
        /// A key the configuration does not know (typos must not silently disable a feature).
        case unknownKey(suggestion: String?)
        /// A value of the wrong type.
        case wrongType(expected: String)
        /// A required value is absent.
        case missing
        /// A value of the right type that cannot be used.
        case invalidValue
        /// A file named by the configuration cannot be read.
        case unreadableFile
    }

    package var kind: Kind
    package var location: ConfigLocation
    /// The dotted key, for example `providers.actionkit.enabled`; empty for the whole file.
    package var key: String
    package var message: String

    package init(_ kind: Kind, at location: ConfigLocation, key: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.key = key
        self.message = message
    }

    package var description: String {
        var text = "\(location): "
        if !key.isEmpty, location != .environment(variable: key) { text += "\(key): " }
        text += message
        if case .unknownKey(let suggestion?) = kind { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// Every problem found in one configuration; it is refused as a whole.
package struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    package var errors: [ConfigError]

    package var description: String {
        let noun = errors.count == 1 ? "error" : "errors"
        return "invalid configuration (\(errors.count) \(noun)):\n"
            + errors.map { "  \($0)" }.joined(separator: "\n")
    }
}
