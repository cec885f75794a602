@testable import PluginRuntime

/// The provider runtime the tests' providers and servers share (each test process has one).
enum TestRuntime {
    static let shared = ProviderRuntime()
}
