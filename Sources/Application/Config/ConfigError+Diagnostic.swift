import Observability

extension ConfigError {
    /// The problem as an error diagnostic at its place in the configuration.
    package var diagnostic: Diagnostic {
        Diagnostic(.error, at: .configuration(location), description)
    }
}

extension ConfigErrors {
    package var diagnostics: [Diagnostic] { errors.map(\.diagnostic) }
}
