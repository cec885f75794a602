import Foundation
import JSONCore
import Synchronization

/// The sandbox's memory: which integrations each user has connected, and each user's items by
/// integration and collection. A sent message shows up when messages are listed.
public final class SandboxState: Sendable {
    private struct Store {
        var connected: [String: Set<String>] = [:]
        var items: [String: [String: [String: [JSONValue]]]] = [:]
        var counter = 0
    }

    private let store = Mutex(Store())
    private let seed: [String: [String: [JSONValue]]]

    public init(catalog: SandboxCatalog) {
        seed = catalog.seed
        store.withLock { store in
            for user in catalog.users { store.connected[user.id] = Set(user.connected) }
        }
    }

    public func isConnected(_ user: String, _ integration: String) -> Bool {
        store.withLock { $0.connected[user]?.contains(integration) ?? false }
    }

    /// Marks `integration` connected for `user` (what the Connect Portal stand-in does).
    public func connect(_ user: String, _ integration: String) {
        store.withLock { _ = $0.connected[user, default: []].insert(integration) }
    }

    public func disconnect(_ user: String, _ integration: String) {
        store.withLock { _ = $0.connected[user]?.remove(integration) }
    }

    public func connectedIntegrations(of user: String) -> [String] {
        store.withLock { ($0.connected[user] ?? []).sorted() }
    }

    public var users: [String] { store.withLock { $0.connected.keys.sorted() } }

    /// Runs an action's effect for `user`; returns what ActionKit would answer.
    func run(_ effect: SandboxCatalog.Effect, integration: String, user: String, parameters: JSONValue) -> JSONValue {
        let collection = effect.collection ?? "items"
        return store.withLock { store -> JSONValue in
            var items = store.items[user]?[integration]?[collection] ?? seed[integration]?[collection] ?? []
            defer { store.items[user, default: [:]][integration, default: [:]][collection] = items }
            switch effect.kind {
            case .echo, .file:
                return ["ok": true, "parameters": parameters]
            case .create:
                store.counter += 1
                var item = parameters.objectValue ?? [:]
                item["id"] = .string("\(effect.idPrefix ?? "id")-\(store.counter)")
                item["createdAt"] = .string(ISO8601DateFormatter().string(from: Date()))
                items.append(.object(item))
                return .object(item)
            case .list:
                let filters = (effect.filterBy ?? []).compactMap { key in parameters[key].map { (key, $0) } }
                let matching = items.filter { item in filters.allSatisfy { item[$0.0] == $0.1 } }
                let limit = parameters["limit"].flatMap { if case .integer(let n) = $0 { n } else { nil } }
                return ["items": .array(limit.map { Array(matching.suffix($0)) } ?? matching)]
            case .delete:
                let id = parameters[effect.idParameter ?? "id"]
                let before = items.count
                items.removeAll { $0["id"] == id }
                return ["deleted": .bool(items.count < before)]
            }
        }
    }
}
