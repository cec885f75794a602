import JSONCore

extension SandboxCatalog {
    /// A made-up catalog of `integrations` × `actionsPerIntegration` echo actions, the size of
    /// Paragon's real one (130 × 20) for load tests. Every user has everything connected.
    public static func synthetic(integrations: Int, actionsPerIntegration: Int, users: [String] = ["alice", "bob"])
        -> SandboxCatalog
    {
        let list = (0..<integrations).map { index -> Integration in
            let name = "integration\(index)"
            let actions = (0..<actionsPerIntegration).map { number in
                Action(
                    name: "INTEGRATION\(index)_ACTION_\(number)",
                    description: "Synthetic action \(number) of \(name): answers with its parameters.",
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
            return Integration(
                name: name, id: "int-\(index)", custom: nil, apiBase: "https://\(name).example.com",
                actions: actions, proxyRoutes: nil)
        }
        return SandboxCatalog(
            integrations: list, users: users.map { User(id: $0, connected: list.map(\.name)) }, seed: [:])
    }
}
