import Foundation
import JSONCore

extension SandboxCatalog {
    /// A catalog of `integrations` × `actionsPerIntegration` echo actions, for load tests and tool
    /// search: the first integrations of Resources/synthetic-catalog.json (130 of the kinds Paragon
    /// offers, 20 actions each in ActionKit's style, written by bench/search/catalog/generate.py)
    /// and the first actions of each. Past the file it makes names up: integration 130 is
    /// `integration130` with `INTEGRATION130_ACTION_0`…, and HubSpot's 21st action is
    /// `HUBSPOT_ACTION_20`. Every action answers with its parameters; every user has everything
    /// connected.
    public static func synthetic(integrations: Int, actionsPerIntegration: Int, users: [String] = ["alice", "bob"])
        -> SandboxCatalog
    {
        let table = SyntheticTable.integrations
        let list = (0..<integrations).map { index -> Integration in
            let known = index < table.count ? table[index] : nil
            let name = known?.name ?? "integration\(index)"
            let prefix = known.map { actionPrefix(of: $0.name) } ?? "INTEGRATION\(index)"
            let actions = (0..<actionsPerIntegration).map { number -> Action in
                if let known, number < known.actions.count {
                    let action = known.actions[number]
                    return Action(
                        name: action.name, description: action.description, parameters: action.parameters,
                        effect: Effect(kind: .echo))
                }
                return genericAction(number, of: name, prefix: prefix)
            }
            return Integration(
                name: name, displayName: known?.displayName, id: "int-\(index)", custom: nil,
                apiBase: "https://\(name.lowercased()).example.com", actions: actions, proxyRoutes: nil)
        }
        return SandboxCatalog(
            integrations: list, users: users.map { User(id: $0, connected: list.map(\.name)) }, seed: [:])
    }

    /// A made-up action past the file's: its parameters are a little of every JSON type.
    private static func genericAction(_ number: Int, of integration: String, prefix: String) -> Action {
        Action(
            name: "\(prefix)_ACTION_\(number)",
            description: "Synthetic action \(number) of \(integration): answers with its parameters.",
            parameters: [
                "type": "object",
                "properties": [
                    "id": ["type": "string", "description": "An identifier"],
                    "count": ["type": "integer", "minimum": 0, "maximum": 1000],
                    "mode": ["type": "string", "enum": ["fast", "thorough"]],
                    "tags": ["type": "array", "items": ["type": "string"]],
                ],
                "required": ["id"],
            ],
            effect: Effect(kind: .echo))
    }

    /// An integration key as action names start (`googleCalendar` → `GOOGLE_CALENDAR`): a word
    /// ends before an upper-case letter that follows one that is not, as the host splits keys.
    static func actionPrefix(of key: String) -> String {
        var prefix = ""
        var previous: Character?
        for character in key {
            if character.isUppercase, let previous, !previous.isUppercase { prefix.append("_") }
            prefix += character.uppercased()
            previous = character
        }
        return prefix
    }
}

/// Resources/synthetic-catalog.json, read once. Without it (it is bundled with this module)
/// every integration is a made-up one.
private enum SyntheticTable {
    struct File: Decodable {
        var integrations: [Entry]
    }

    struct Entry: Decodable, Sendable {
        var name: String
        var displayName: String
        var actions: [ActionEntry]
    }

    struct ActionEntry: Decodable, Sendable {
        var name: String
        var description: String
        var parameters: JSONValue
    }

    static let integrations: [Entry] = {
        guard let url = Bundle.module.url(forResource: "synthetic-catalog", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.integrations
    }()
}
