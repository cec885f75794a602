import Foundation
import JSONCore

/// What the sandbox knows: integrations and their actions, users and what they connected, seed
/// data. Kept as data (Resources/catalog.json), not code.
public struct SandboxCatalog: Sendable, Decodable {
    public struct Integration: Sendable, Decodable {
        public struct Custom: Sendable, Decodable {
            public var id: String
            public var name: String
        }
        /// `slack`, `googleCalendar`, or `custom.<name>` for a custom integration.
        public var name: String
        /// What people read (`Google Calendar`); a custom integration's is its name.
        public var displayName: String?
        public var id: String
        public var custom: Custom?
        /// Where relative proxy URLs resolve.
        public var apiBase: String
        public var actions: [Action]
        /// What its API answers through the Proxy API.
        public var proxyRoutes: [ProxyRoute]?
    }

    /// An endpoint of an integration's API, as the sandbox emulates it.
    public struct ProxyRoute: Sendable, Decodable {
        public var method: String
        /// The path below the integration's API base, without query.
        public var path: String
        public var effect: Effect
    }

    public struct Action: Sendable, Decodable {
        public var name: String
        public var description: String
        public var parameters: JSONValue
        public var effect: Effect
    }

    /// What running an action does to the user's sandbox state.
    public struct Effect: Sendable, Decodable {
        public enum Kind: String, Sendable, Decodable { case create, list, delete, echo, file }
        public var kind: Kind
        /// The per-user, per-integration collection it works on.
        public var collection: String?
        /// For `list`: parameters that, when given, must equal the item's.
        public var filterBy: [String]?
        /// For `create`: the prefix of new ids.
        public var idPrefix: String?
        /// For `delete`: the parameter holding the id.
        public var idParameter: String?
        /// For `file`: the answer's media type (`application/pdf`) and its bytes, base64.
        public var mediaType: String?
        public var content: String?
    }

    public struct User: Sendable, Decodable {
        public var id: String
        public var connected: [String]
    }

    public var integrations: [Integration]
    public var users: [User]
    /// Items each user starts with, by integration and collection.
    public var seed: [String: [String: [JSONValue]]]

    /// The bundled catalog.
    public static func bundled() throws -> SandboxCatalog {
        guard let url = Bundle.module.url(forResource: "catalog", withExtension: "json") else {
            throw SandboxError.catalog("the bundled catalog.json is missing")
        }
        return try load(contentsOf: url)
    }

    public static func load(contentsOf url: URL) throws -> SandboxCatalog {
        do {
            return try JSONDecoder().decode(SandboxCatalog.self, from: Data(contentsOf: url))
        } catch {
            throw SandboxError.catalog("\(url.path): \(error)")
        }
    }

    public func integration(named name: String) -> Integration? {
        integrations.first { $0.name == name }
    }

    /// The integration and action of an action name.
    public func action(named name: String) -> (Integration, Action)? {
        for integration in integrations {
            if let action = integration.actions.first(where: { $0.name == name }) { return (integration, action) }
        }
        return nil
    }
}

public enum SandboxError: Error, CustomStringConvertible {
    case catalog(String)

    public var description: String {
        switch self {
        case .catalog(let message): return "sandbox catalog: \(message)"
        }
    }
}
