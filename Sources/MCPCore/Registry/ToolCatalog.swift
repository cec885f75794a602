/// The merged tool lists of every provider for one user, before filtering.
package struct ToolCatalog: Sendable {
    /// Tools in provider order; for a name offered twice, the first provider's.
    package private(set) var tools: [Tool] = []
    /// Names offered by more than one provider, with those providers.
    package private(set) var duplicates: [(name: String, providers: [String])] = []
    private var indexByName: [String: Int] = [:]

    package init(lists: [(provider: String, tools: [Tool])]) {
        var owners: [String: [String]] = [:]
        for (provider, tools) in lists {
            for tool in tools {
                owners[tool.name, default: []].append(provider)
                guard indexByName[tool.name] == nil else { continue }
                indexByName[tool.name] = self.tools.count
                self.tools.append(tool)
            }
        }
        duplicates = owners.filter { $0.value.count > 1 }.map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    package func tool(named name: String) -> Tool? {
        indexByName[name].map { tools[$0] }
    }
}
