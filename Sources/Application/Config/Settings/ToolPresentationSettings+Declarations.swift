import Foundation
import Settings

extension ToolPresentationSettings {
    /// `tools:`: how tool lists are presented (direct, or search meta-tools) and per-tool overrides.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "tools.mode", variable: "TOOLS_MODE", SettingType<ToolMode>.enumeration, default: .value(.auto),
            "`direct` lists every tool; `search` lists meta-tools that search and call them; `auto` chooses by the client's limit",
            at: \.tools.mode),
        SettingDeclaration(
            "tools.pinned", variable: "TOOLS_PINNED", .list, default: .value([]),
            "exact names; in search mode, listed directly beside the meta-tools", at: \.tools.pinned),
        SettingDeclaration(
            "tools.client_limits", variable: "TOOLS_CLIENT_LIMITS", .clientLimits,
            default: .derived(
                ToolPresentationSettings.shippedClientLimits.sorted { $0.key < $1.key }.map {
                    "`\($0.key)`: \($0.value)"
                }
                .joined(separator: ", ")),
            "most tools a client takes, by part of its `clientInfo.name` (`default`: any other; 0: no limit); merged onto the shipped ones"
        ) { config, limits, _ in
            config.tools.clientLimits.merge(limits) { $1 }
        },
        SettingDeclaration(
            "tools.overrides", SettingType<[String: ToolOverride]>.toolOverrides, default: .value([:]),
            "per tool name: `title` and `annotations` (`readOnlyHint`, `destructiveHint`, `idempotentHint`, `openWorldHint`) replacing the provider's",
            at: \.tools.overrides),
    ]
}

extension SettingType where Value == [String: Int] {
    /// config.yaml: a mapping of client-name parts to limits; a variable: `cursor=40,claude=0`.
    /// Names are compared without case, so they are kept lower-cased.
    static var clientLimits: SettingType {
        let range = 0...100_000
        return SettingType(
            fact: "client name part → 0 to 100,000", range: nil,
            show: { $0.sorted { $0.key < $1.key }.map { "`\($0.key)`: \($0.value)" }.joined(separator: ", ") },
            fromText: { text, location, key, reader in
                var limits: [String: Int] = [:]
                for item in ConfigReader.commaList(text) {
                    let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard parts.count == 2, !parts[0].isEmpty else {
                        reader.report(
                            ConfigError(.invalidValue, at: location, key: key, "expected NAME=LIMIT, found \"\(item)\"")
                        )
                        continue
                    }
                    if let limit = reader.checkedInteger(parts[1], at: location, key: key, range: range) {
                        limits[parts[0].lowercased()] = limit
                    }
                }
                return limits
            },
            fromNode: { node, key, reader in
                var limits: [String: Int] = [:]
                for (name, value) in reader.namedMapping(node, key: key) {
                    let path = "\(key).\(name)"
                    if let text = reader.string(value, key: path),
                        let limit = reader.checkedInteger(text, at: value.location, key: path, range: range)
                    {
                        limits[name.lowercased()] = limit
                    }
                }
                return limits
            })
    }
}

extension SettingType where Value == [String: ToolOverride] {
    /// A mapping of tool names to `{title, annotations: {hint: bool}}`; config.yaml only.
    static var toolOverrides: SettingType {
        SettingType(
            fact: nil, range: nil, show: { $0.isEmpty ? "(none)" : "\($0.count) tools" },
            fromText: { _, location, key, reader in
                reader.report(ConfigError(.invalidValue, at: location, key: key, "set tools.overrides in config.yaml"))
                return nil
            },
            fromNode: { node, key, reader in
                var overrides: [String: ToolOverride] = [:]
                for (tool, value) in reader.namedMapping(node, key: key) {
                    let path = "\(key).\(tool)"
                    let members = reader.mapping(value, key: path, allowed: ["title", "annotations"])
                    var override = ToolOverride(title: reader.string(members["title"], key: "\(path).title"))
                    let hintsPath = "\(path).annotations"
                    let hints = reader.mapping(members["annotations"], key: hintsPath, allowed: ToolOverride.hintNames)
                    for hint in ToolOverride.hintNames {
                        guard let flag = hints[hint] else { continue }
                        if let text = reader.string(flag, key: "\(hintsPath).\(hint)"),
                            let bool = reader.checkedBool(text, at: flag.location, key: "\(hintsPath).\(hint)")
                        {
                            override.hints[hint] = bool
                        }
                    }
                    overrides[tool] = override
                }
                return overrides
            })
    }
}
