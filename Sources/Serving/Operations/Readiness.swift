import Synchronization

/// Where the server is in its life, as `/readyz` reports it.
package enum Readiness: UInt8, Sendable, CustomStringConvertible {
    /// Listening, providers still loading: MCP requests get 503.
    case starting
    case ready
    /// Shutting down: calls in flight finish, new MCP requests get 503.
    case draining

    package var description: String {
        switch self {
        case .starting: "starting"
        case .ready: "ready"
        case .draining: "draining"
        }
    }
}

/// The server's readiness, read on every MCP request.
package final class ReadinessState: Sendable {
    private let value: Atomic<UInt8>

    package init(_ initial: Readiness) {
        value = Atomic(initial.rawValue)
    }

    package var current: Readiness { Readiness(rawValue: value.load(ordering: .acquiring)) ?? .ready }

    package func set(_ readiness: Readiness) {
        value.store(readiness.rawValue, ordering: .releasing)
    }
}
