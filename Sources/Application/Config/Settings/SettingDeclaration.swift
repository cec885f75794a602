import Settings

/// One setting, declared once: its config.yaml key, its environment variable, its default and
/// range, what it is for, and where its value goes in `Root` (``HostConfig``, or one provider's
/// ``ProviderSettings``). config.yaml's reader and the environment's read a declared setting
/// from here, and the configuration reference (docs/configuration.md) is rendered from it
/// (``ConfigurationReference``), so none of these is written twice.
///
/// A setting whose reading does not fit (the signing key's precedence, the provider toggles) is
/// declared with ``handWritten(_:variable:default:range:description:readBy:)``: the reference
/// lists it, and the hand-written reader takes its names from the declaration.
struct SettingDeclaration<Root>: Sendable {
    /// The dotted config.yaml path (`server.port`), relative to where `Root` is written (a
    /// provider's keys are under `providers.<name>`); nil for a variable alone.
    let key: String?
    /// The environment variable that overrides `key` when set and non-empty; nil for none.
    let variable: String?
    /// The default as the reference shows it.
    let defaultText: String
    /// One line for the reference: what the setting does.
    let description: String
    /// What the reference says of every value of the setting's kind (`comma list`, a range).
    let fact: String?
    /// The values an integer setting may take.
    let range: ClosedRange<Int>?
    /// Who reads a hand-written setting, for the reference; nil when read from this declaration.
    let readBy: String?
    /// How a declared setting is read; nil for a hand-written one.
    let reading: Reading?

    /// The declaration's own reading: three ways to set a value in `Root`.
    struct Reading: Sendable {
        /// Sets the default, before anything is read; nothing for a derived default.
        let applyDefault: @Sendable (inout Root) -> Void
        /// Reads config.yaml's value, reporting problems under `key` (the path as written).
        let fromNode: @Sendable (_ node: ConfigNode, _ key: String, inout Root, inout ConfigReader) -> Void
        /// Reads a non-empty variable, reporting problems under the variable's name.
        let fromVariable: @Sendable (ConfigEnvironment.Value, _ name: String, inout Root, inout ConfigReader) -> Void
    }

    /// A setting read from this declaration, whose value `set` puts into `Root`, told where the
    /// value was written (`.none` for the default).
    init<Value>(
        _ key: String?, variable: String? = nil, _ type: SettingType<Value>, default: SettingDefault<Value>,
        _ description: String, set: @escaping @Sendable (inout Root, Value, ConfigLocation) -> Void
    ) {
        self.key = key
        self.variable = variable
        self.description = description
        self.fact = type.fact
        self.range = type.range
        self.readBy = nil
        switch `default` {
        case .value(let value): self.defaultText = type.show(value)
        case .derived(let text): self.defaultText = text
        }
        self.reading = Reading(
            applyDefault: { root in
                if case .value(let value) = `default` { set(&root, value, .none) }
            },
            fromNode: { node, key, root, reader in
                if let value = type.fromNode(node, key, &reader) { set(&root, value, node.location) }
            },
            fromVariable: { variable, name, root, reader in
                if let value = type.fromText(variable.value, variable.location, name, &reader) {
                    set(&root, value, variable.location)
                }
            })
    }

    /// A setting read from this declaration into `Root`'s member at `path`.
    init<Value>(
        _ key: String?, variable: String? = nil, _ type: SettingType<Value>, default: SettingDefault<Value>,
        _ description: String, at path: WritableKeyPath<Root, Value> & Sendable
    ) {
        self.init(key, variable: variable, type, default: `default`, description) { root, value, _ in
            root[keyPath: path] = value
        }
    }

    /// A setting read from this declaration into `Root`'s optional member at `path` (nil: unset).
    init<Value>(
        _ key: String?, variable: String? = nil, _ type: SettingType<Value>, default: SettingDefault<Value>,
        _ description: String, at path: WritableKeyPath<Root, Value?> & Sendable
    ) {
        self.init(key, variable: variable, type, default: `default`, description) { root, value, _ in
            root[keyPath: path] = value
        }
    }

    private init(
        key: String?, variable: String?, defaultText: String, description: String, range: ClosedRange<Int>?,
        readBy: String
    ) {
        self.key = key
        self.variable = variable
        self.defaultText = defaultText
        self.description = description
        self.fact = range.map(SettingType<Int>.describe)
        self.range = range
        self.readBy = readBy
        self.reading = nil
    }

    /// A setting whose reading is written by hand (`readBy` names where), declared for the
    /// reference and for its names, which the hand-written reader takes from here.
    static func handWritten(
        _ key: String?, variable: String? = nil, default defaultText: String, range: ClosedRange<Int>? = nil,
        description: String, readBy: String
    ) -> SettingDeclaration {
        SettingDeclaration(
            key: key, variable: variable, defaultText: defaultText, description: description, range: range,
            readBy: readBy)
    }

    /// The last component of `key`: the setting's name in its mapping.
    var member: String? { key.map { String($0.split(separator: ".").last ?? "") } }
}
