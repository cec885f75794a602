import Settings

/// Reading declared settings: their defaults, config.yaml's mappings, and the environment, in
/// that order (the environment overrides the file).
extension Array {
    /// Sets every declared default in `root`.
    func applyDefaults<Root>(to root: inout Root) where Element == SettingDeclaration<Root> {
        for setting in self { setting.reading?.applyDefault(&root) }
    }

    /// The names config.yaml allows in the mapping at `prefix` ("" for the top): the next
    /// component of each key under it, in declaration order (`server` → `host`, `port`, …).
    func members<Root>(of prefix: String) -> [String] where Element == SettingDeclaration<Root> {
        var members: [String] = []
        for key in compactMap(\.key) {
            let rest: Substring
            if prefix.isEmpty {
                rest = Substring(key)
            } else if key.hasPrefix(prefix + ".") {
                rest = key.dropFirst(prefix.count + 1)
            } else {
                continue
            }
            let member = String(rest.prefix { $0 != "." })
            if !members.contains(member) { members.append(member) }
        }
        return members
    }
}

extension ConfigReader {
    /// Reads the mapping `node` as the members of `settings` under `prefix` (a key path relative
    /// to `Root`'s place, "" for its top), into `root`, reporting unknown keys. `path` is where
    /// the mapping is written (`server`, `providers.mine`): problems are reported under it.
    ///
    /// - Returns: the mapping's members, for the hand-written settings among them.
    mutating func read<Root>(
        _ settings: [SettingDeclaration<Root>], under prefix: String, from node: ConfigNode?, at path: String,
        into root: inout Root
    ) -> [String: ConfigNode] {
        let members = settings.members(of: prefix)
        let map = mapping(node, key: path, allowed: members)
        for member in members {
            read(settings, member: member, of: map, under: prefix, at: path, into: &root)
        }
        return map
    }

    /// Reads one member of a mapping read by ``read(_:under:from:at:into:)``: a declared
    /// setting, or a mapping of settings below it. A hand-written setting is left to its reader.
    mutating func read<Root>(
        _ settings: [SettingDeclaration<Root>], member: String, of map: [String: ConfigNode], under prefix: String,
        at path: String, into root: inout Root
    ) {
        let relative = prefix.isEmpty ? member : "\(prefix).\(member)"
        let written = path.isEmpty ? member : "\(path).\(member)"
        if let setting = settings.first(where: { $0.key == relative }) {
            if let reading = setting.reading, let node = map[member] {
                reading.fromNode(node, written, &root, &self)
            }
        } else {
            _ = read(settings, under: relative, from: map[member], at: written, into: &root)
        }
    }
}

extension ConfigEnvironment {
    /// Sets each declared setting whose variable is set to something other than the empty
    /// string, reporting problems under the variable's name.
    func apply<Root>(_ settings: [SettingDeclaration<Root>], to root: inout Root, _ reader: inout ConfigReader) {
        for setting in settings {
            guard let reading = setting.reading, let name = setting.variable, let value = nonEmpty(name) else {
                continue
            }
            reading.fromVariable(value, name, &root, &reader)
        }
    }

    /// A hand-written setting's variable when set and non-empty, with its name.
    func text<Root>(of setting: SettingDeclaration<Root>) -> SettingText? {
        guard let name = setting.variable, let value = nonEmpty(name) else { return nil }
        return SettingText(text: value.value, location: value.location, name: name)
    }
}

/// A hand-written setting's text as found: where, and under which name problems are reported
/// (the variable, or the dotted config.yaml key).
struct SettingText {
    var text: String
    var location: ConfigLocation
    var name: String
}

extension ConfigReader {
    /// A hand-written setting's non-empty string in `map`, the config.yaml mapping its key is
    /// in, reporting a value that is not a string.
    mutating func text(of setting: SettingDeclaration<HostConfig>, in map: [String: ConfigNode]) -> SettingText? {
        guard let key = setting.key, let member = setting.member, let node = map[member],
            let text = string(node, key: key), !text.isEmpty
        else { return nil }
        return SettingText(text: text, location: node.location, name: key)
    }
}
