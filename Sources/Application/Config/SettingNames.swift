import Synchronization

/// The names configuration reading looks at: environment variables and config.yaml keys (dotted
/// paths, `server.port`). Handed to a ``ConfigEnvironment`` so that a test can hold every
/// setting the reader knows against the configuration reference (docs/configuration.md).
package final class SettingNames: Sendable {
    private let names = Mutex<(variables: Set<String>, keys: Set<String>)>(([], []))

    package init() {}

    package var variables: Set<String> { names.withLock { $0.variables } }
    package var keys: Set<String> { names.withLock { $0.keys } }

    func variable(_ name: String) { names.withLock { _ = $0.variables.insert(name) } }
    func key(_ path: String) { names.withLock { _ = $0.keys.insert(path) } }
}
