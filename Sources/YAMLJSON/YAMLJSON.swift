import JSONCore
import Yams

/// YAML as ``JSONValue``: composed by Yams without its YAML 1.1 tag guessing, then converted
/// with YAML 1.2 scalar rules (``YAMLScalar``). Aliases are expanded; `<<` merge keys (YAML
/// 1.1's merge type, which OpenAPI documents use) merge their mappings, keys already present
/// winning.
public enum YAMLJSON {
    /// The first document of `text`; throws ``YAMLJSONError``.
    public static func parse(_ text: String) throws -> JSONValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, Resolver.basic)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw YAMLJSONError(kind: .syntax, message: "\(error)")
        }
        guard let node else { throw YAMLJSONError(kind: .empty, message: "the YAML text holds no document") }
        return try convert(node)
    }

    /// One scalar as written, by ``YAMLScalar``'s plain rules (for configuration values).
    public static func scalar(_ text: String) -> JSONValue { YAMLScalar.plain(text) }

    static func convert(_ node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try value(of: scalar)
        case .sequence(let sequence):
            return .array(try sequence.map(convert))
        case .mapping(let mapping):
            return .object(try members(of: mapping))
        case .alias(let alias):
            throw YAMLJSONError(
                kind: .syntax, line: alias.mark.map { $0.line }, column: alias.mark.map { $0.column },
                message: "unresolved alias")
        }
    }

    static func value(of scalar: Node.Scalar) throws -> JSONValue {
        if scalar.tag.rawValue.isEmpty {
            return scalar.style == .plain ? YAMLScalar.plain(scalar.string) : .string(scalar.string)
        }
        guard let value = YAMLScalar.tagged(scalar.string, tag: scalar.tag.rawValue) else {
            throw YAMLJSONError(
                kind: .badTaggedScalar, line: scalar.mark?.line, column: scalar.mark?.column,
                message: "\(scalar.string) is not a valid \(scalar.tag.rawValue)")
        }
        return value
    }

    static func members(of mapping: Node.Mapping) throws -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        var merged: [[String: JSONValue]] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLJSONError(
                    kind: .complexKey, line: key.mark?.line, column: key.mark?.column,
                    message: "a mapping key must be a scalar")
            }
            // Yams resolves key tags while checking duplicates, so a merge key is known by its
            // plain `<<` alone.
            if scalar.string == "<<", scalar.style == .plain {
                merged += try mergeSources(value)
                continue
            }
            // Keys are text whatever they look like (`200:` is the key "200").
            members[scalar.string] = try convert(value)
        }
        for source in merged {
            for (key, value) in source where members[key] == nil { members[key] = value }
        }
        return members
    }

    /// The mappings a `<<` key merges, earlier ones winning (YAML 1.1 merge type).
    static func mergeSources(_ value: Node) throws -> [[String: JSONValue]] {
        switch value {
        case .mapping(let mapping): return [try members(of: mapping)]
        case .sequence(let sequence):
            return try sequence.map { node in
                guard case .mapping(let mapping) = node else {
                    throw YAMLJSONError(
                        kind: .badMerge, line: node.mark?.line, column: node.mark?.column,
                        message: "a << merge list may hold only mappings")
                }
                return try members(of: mapping)
            }
        default:
            throw YAMLJSONError(
                kind: .badMerge, line: value.mark?.line, column: value.mark?.column,
                message: "a << merge key needs a mapping or a list of mappings")
        }
    }

    static func syntaxError(_ error: YamlError) -> YAMLJSONError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return YAMLJSONError(kind: .syntax, line: mark.line, column: mark.column, message: problem)
        default:
            return YAMLJSONError(kind: .syntax, message: "\(error)")
        }
    }
}
