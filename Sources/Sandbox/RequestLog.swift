import JSONCore
import Synchronization

/// Every request the sandbox received, for tests that prove what was or was not sent upstream.
public final class RequestLog: Sendable {
    public struct Entry: Sendable, Equatable {
        public var method: String
        /// Path and query.
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: String

        public var json: JSONValue? { try? JSONValue.parse(Array(body.utf8)) }
    }

    private let entries = Mutex<[Entry]>([])

    func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    public var all: [Entry] { entries.withLock { $0 } }

    public func clear() { entries.withLock { $0.removeAll() } }

    /// Entries whose path starts with `prefix`.
    public func matching(_ prefix: String) -> [Entry] { all.filter { $0.path.hasPrefix(prefix) } }

    var jsonValue: JSONValue {
        .array(
            all.map { entry in
                [
                    "method": .string(entry.method), "path": .string(entry.path),
                    "headers": .object(entry.headers.mapValues { .string($0) }), "body": .string(entry.body),
                ]
            })
    }
}
