import JSONCore
import Synchronization

/// Failures the tests ask for, per integration or action: added latency, a 5xx, a 429 with
/// `Retry-After`, malformed JSON, a body cut short, a connection reset.
public final class SandboxFaults: Sendable {
    public struct Fault: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case latency, serverError, rateLimited, malformedJSON, truncatedBody, connectionReset
        }
        public var kind: Kind
        /// Latency in milliseconds; Retry-After in seconds; HTTP status for serverError.
        public var value: Int?
        /// How many requests it applies to; nil for all.
        public var times: Int?

        public init(kind: Kind, value: Int? = nil, times: Int? = nil) {
            self.kind = kind
            self.value = value
            self.times = times
        }
    }

    private let rules = Mutex<[String: Fault]>([:])

    /// Sets a fault for `target`: an integration name or an action name.
    public func set(_ fault: Fault, for target: String) { rules.withLock { $0[target] = fault } }

    public func clear() { rules.withLock { $0.removeAll() } }

    /// The fault that applies to a request touching these targets (the action first), used up
    /// by one if it counts.
    func take(_ targets: [String]) -> Fault? {
        rules.withLock { rules in
            for target in targets {
                guard var fault = rules[target] else { continue }
                if let times = fault.times {
                    fault.times = times - 1
                    rules[target] = times <= 1 ? nil : fault
                }
                return fault
            }
            return nil
        }
    }
}
