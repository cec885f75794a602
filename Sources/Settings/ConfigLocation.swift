/// Where a configuration value came from: a place in a file, or an environment variable.
package enum ConfigLocation: Sendable, Equatable, CustomStringConvertible {
    /// A place in a YAML or .env file; line and column count from 1.
    case file(path: String, line: Int, column: Int)
    /// A variable of the process environment.
    case environment(variable: String)
    /// No place: a default, or a value missing from every source.
    case none

    package var description: String {
        switch self {
        case .file(let path, let line, let column): return "\(path):\(line):\(column)"
        case .environment(let variable): return "environment variable \(variable)"
        case .none: return "configuration"
        }
    }
}
