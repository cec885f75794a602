import Settings

/// A problem found in something an operator wrote or installed (config.yaml, `.env`, a spec
/// file, a provider library), as a value: `check` collects them, prints them and fails when one
/// is an error; nothing is decided by reading a message's text.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: Int, Sendable, Comparable {
        /// Worth knowing; changes nothing.
        case note
        /// Recovered from (a spec operation skipped, a Swagger document converted).
        case warning
        /// What it concerns does not work (a provider that did not load, a broken key).
        case error

        package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What a diagnostic concerns.
    package enum Location: Sendable, Equatable {
        /// A place in the configuration: file, line and column, or an environment variable.
        case configuration(ConfigLocation)
        /// A provider, by its key in config.yaml (what it reported of its own files, say).
        case provider(String)
        /// A provider library, by path.
        case library(path: String)
        /// The configuration as a whole.
        case none
    }

    package var severity: Severity
    package var location: Location
    /// The problem for a person, naming its place (a file and line, a path, a provider).
    package var message: String

    package init(_ severity: Severity, at location: Location, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    package var description: String { message }
}
