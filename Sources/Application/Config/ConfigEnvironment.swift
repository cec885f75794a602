import Settings

/// The variables configuration reads: the process environment over a `.env` file.
package struct ConfigEnvironment: Sendable {
    package struct Value: Sendable, Equatable {
        package var value: String
        package var location: ConfigLocation
    }

    private var values: [String: Value]
    /// Told of every variable and key read (see ``SettingNames``); nil when nobody asks.
    package var names: SettingNames?

    /// Process variables win over `.env` ones, as with dotenv.
    package init(process: [String: String], dotEnv: DotEnv? = nil) {
        var values: [String: Value] = [:]
        if let dotEnv {
            for (name, entry) in dotEnv.entries {
                values[name] = Value(
                    value: entry.value, location: .file(path: dotEnv.path, line: entry.line, column: 1))
            }
        }
        for (name, value) in process {
            values[name] = Value(value: value, location: .environment(variable: name))
        }
        self.values = values
    }

    /// The variable's value, or nil when unset.
    package subscript(name: String) -> Value? {
        names?.variable(name)
        return values[name]
    }

    /// The variable's value when set to something other than the empty string: an empty
    /// variable (as docker-compose passes for an unset one) overrides nothing.
    package func nonEmpty(_ name: String) -> Value? {
        names?.variable(name)
        guard let value = values[name], !value.value.isEmpty else { return nil }
        return value
    }
}
