import Settings
import Yams

extension ConfigNode {
    /// Parses YAML text into nodes, interpolating `${VAR}` and `${VAR:-default}` in scalars
    /// from `environment`. An unset variable without a default becomes the empty string.
    static func parse(
        yaml: String, path: String, environment: ConfigEnvironment
    ) throws(ConfigError) -> ConfigNode? {
        let root: Node?
        do {
            // The basic resolver: no YAML 1.1 guessing; scalars are read by their text and style.
            root = try Yams.compose(yaml: yaml, Resolver.basic)
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch {
            throw ConfigError(.syntax, at: .file(path: path, line: 1, column: 1), key: "", "\(error)")
        }
        guard let root else { return nil }
        return try convert(root, path: path, environment: environment)
    }

    private static func location(_ mark: Mark?, _ path: String) -> ConfigLocation {
        .file(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func syntaxError(_ error: YamlError, path: String) -> ConfigError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigError(.syntax, at: location(mark, path), key: "", "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(
                .syntax, at: location(context.mark, path), key: duplicates.joined(separator: ", "),
                "the key is given more than once")
        default:
            return ConfigError(
                .syntax, at: .file(path: path, line: 1, column: 1), key: "",
                "invalid YAML: \(error)")
        }
    }

    private static func convert(
        _ node: Node, path: String, environment: ConfigEnvironment
    ) throws(ConfigError) -> ConfigNode {
        let here = location(node.mark, path)
        switch node {
        case .scalar(let scalar):
            let text = try interpolate(scalar.string, at: here, environment: environment)
            return ConfigNode(value: .scalar(text, plain: scalar.style == .plain), location: here)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLocation: ConfigLocation, value: ConfigNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw ConfigError(
                        .wrongType(expected: "a string key"), at: location(key.mark, path),
                        key: "", "mapping keys must be strings")
                }
                pairs.append(
                    (
                        keyScalar.string, location(key.mark, path),
                        try convert(value, path: path, environment: environment)
                    ))
            }
            return ConfigNode(value: .mapping(pairs), location: here)
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            for item in sequence { items.append(try convert(item, path: path, environment: environment)) }
            return ConfigNode(value: .sequence(items), location: here)
        case .alias:
            throw ConfigError(.syntax, at: here, key: "", "YAML aliases are not supported here")
        }
    }

    private static func interpolate(
        _ text: String, at location: ConfigLocation, environment: ConfigEnvironment
    ) throws(ConfigError) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw ConfigError(.invalidValue, at: location, key: "", "unterminated ${ in \"\(text)\"")
            }
            let expression = rest[start.upperBound..<end]
            let name: Substring
            let fallback: Substring?
            if let separator = expression.range(of: ":-") {
                name = expression[..<separator.lowerBound]
                fallback = expression[separator.upperBound...]
            } else {
                name = expression
                fallback = nil
            }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigError(
                    .invalidValue, at: location, key: "",
                    "\"${\(expression)}\" does not name an environment variable")
            }
            let value = environment.nonEmpty(String(name))?.value
            result += value ?? fallback.map(String.init) ?? ""
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
