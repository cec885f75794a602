import MCPCore
import PluginRuntime

/// Why a configuration was not put to use; the server keeps serving the one it has.
enum ReloadError: Error, CustomStringConvertible {
    /// The configuration has errors (each with its file, line and key).
    case invalidConfig(ConfigErrors)
    /// Production mode without a Paragon project, with Paragon providers enabled.
    case noProject(providers: [String])
    /// Providers that did not load (each error names its library and why).
    case providersFailed([LoadError])
    case duplicateTool(RegistryError)

    var description: String {
        switch self {
        case .invalidConfig(let errors): "\(errors)"
        case .noProject(let providers): "\(BootstrapError.noProject(providers: providers))"
        case .providersFailed(let failures): failures.map(\.description).joined(separator: "; ")
        case .duplicateTool(let error): "\(BootstrapError.duplicateTool(error))"
        }
    }
}
