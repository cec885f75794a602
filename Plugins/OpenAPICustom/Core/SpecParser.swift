import Foundation
import OpenAPIKit
import OpenAPIKit30
import ProviderKit
import Yams

/// Parses one spec file into tools. OpenAPIKit checks the document (3.0 or 3.1) and words what
/// is wrong with it; the tools are then read from the document's JSON, so that schemas reach the
/// agent as written (with local `$ref`s inlined), not as re-encoded by a conversion.
enum SpecParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func parse(_ data: Data, yaml: Bool, integration: String, file: String) throws -> SpecFile {
        let document = try json(data, yaml: yaml)
        try validate(document)
        let components = document["components"]?["schemas"]?.objectValue ?? [:]
        var inliner = SchemaInliner(components: components)
        var tools: [OperationTool] = []
        let rootServer = document["servers"]?[0]?["url"]?.stringValue
        for (path, rawItem) in (document["paths"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            let item = resolve(rawItem, in: document, section: "pathItems")
            let shared = item["parameters"]?.arrayValue ?? []
            let itemServer = item["servers"]?[0]?["url"]?.stringValue
            for method in methods {
                guard let operation = item[method]?.objectValue else { continue }
                let server = operation["servers"]?[0]?["url"]?.stringValue ?? itemServer ?? rootServer
                tools.append(
                    tool(
                        JSONValue.object(operation), method: method, path: path, shared: shared, server: server,
                        integration: integration, document: document, inliner: &inliner))
            }
        }
        var notes: [String] = []
        if !inliner.unresolved.isEmpty {
            throw Failure(description: "unresolvable reference \(inliner.unresolved[0])")
        }
        let (names, renamed) = ToolNaming.disambiguate(tools.map(\.name))
        for index in tools.indices { tools[index].name = names[index] }
        notes += renamed.map { "\(file): two operations are both named \($0.from): the later one is \($0.to)" }
        return SpecFile(file: file, integration: integration, tools: tools, notes: notes)
    }

    // MARK: Reading

    /// The file as JSON: JSON read directly, YAML through Yams.
    static func json(_ data: Data, yaml: Bool) throws -> JSONValue {
        if !yaml {
            do {
                return try JSONValue.parse(Array(data))
            } catch {
                throw Failure(description: "not valid JSON: \(error)")
            }
        }
        do {
            guard let value = try Yams.load(yaml: String(decoding: data, as: UTF8.self)) else {
                throw Failure(description: "the file is empty")
            }
            return jsonValue(value)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "not valid YAML: \(error)")
        }
    }

    static func jsonValue(_ value: Any) -> JSONValue {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as Int: return .integer(value)
        case let value as Double: return .number(value)
        case let value as String: return .string(value)
        case let value as [Any]: return .array(value.map(jsonValue))
        case let value as [AnyHashable: Any]:
            return .object(
                Dictionary(value.map { ("\($0.key.base)", jsonValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case let value as Date: return .string(ISO8601DateFormatter().string(from: value))
        default: return .null
        }
    }

    /// Decodes the document with OpenAPIKit for its version; its error names the place.
    static func validate(_ document: JSONValue) throws {
        guard let version = document["openapi"]?.stringValue else {
            throw Failure(description: "not an OpenAPI 3 document (no `openapi` version)")
        }
        let data = Data(document.encoded())
        do {
            if version.hasPrefix("3.0") {
                _ = try JSONDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: data)
            } else if version.hasPrefix("3.1") || version.hasPrefix("3.2") {
                _ = try JSONDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: data)
            } else {
                throw Failure(description: "OpenAPI \(version) is not supported (3.0 and 3.1 are)")
            }
        } catch let error as Failure {
            throw error
        } catch {
            let problem = OpenAPIKit.OpenAPI.Error(from: error)
            let place = problem.codingPathString
            throw Failure(
                description: "invalid OpenAPI" + (place.isEmpty ? "" : " at \(place)")
                    + ": \(problem.localizedDescription)")
        }
    }

    /// A `$ref` to `#/components/<section>/X` replaced by its target (one level; refs to refs too).
    static func resolve(_ value: JSONValue, in document: JSONValue, section: String) -> JSONValue {
        var current = value
        var hops = 0
        while let ref = current["$ref"]?.stringValue, hops < 8 {
            let prefix = "#/components/\(section)/"
            guard ref.hasPrefix(prefix),
                let target = document["components"]?[section]?[String(ref.dropFirst(prefix.count))]
            else { return current }
            current = target
            hops += 1
        }
        return current
    }

    // MARK: Tools

    static func tool(
        _ operation: JSONValue, method: String, path: String, shared: [JSONValue], server: String?,
        integration: String, document: JSONValue, inliner: inout SchemaInliner
    ) -> OperationTool {
        // Operation parameters override path-level ones of the same name and location.
        var parameters: [(name: String, location: String, value: JSONValue)] = []
        for raw in shared + (operation["parameters"]?.arrayValue ?? []) {
            let parameter = resolve(raw, in: document, section: "parameters")
            guard let name = parameter["name"]?.stringValue, let location = parameter["in"]?.stringValue else {
                continue
            }
            parameters.removeAll { $0.name == name && $0.location == location }
            parameters.append((name, location, parameter))
        }
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        var callable: [OperationTool.Parameter] = []
        for (name, location, parameter) in parameters {
            guard let place = OperationTool.Parameter.Location(rawValue: location) else { continue }  // cookies: never sent
            if place == .header, OperationTool.isForbiddenHeader(name) { continue }
            var schema = inliner.inline(
                parameter["schema"] ?? parameter["content"]?.objectValue?.values.first?["schema"] ?? [:])
            if let description = parameter["description"]?.stringValue, schema["description"] == nil,
                case .object(var object) = schema
            {
                object["description"] = .string(description)
                schema = .object(object)
            }
            properties[name] = schema
            if place == .path || parameter["required"] == .bool(true) { required.append(.string(name)) }
            callable.append(.init(name: name, location: place))
        }
        var input: [String: JSONValue] = ["type": "object"]
        var inputProperties: [String: JSONValue] = [:]
        var inputRequired: [JSONValue] = []
        if !properties.isEmpty {
            var params: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
            if !required.isEmpty {
                params["required"] = .array(required)
                inputRequired.append("params")
            }
            inputProperties["params"] = .object(params)
        }
        var hasBody = false
        if let body = operation["requestBody"].map({ resolve($0, in: document, section: "requestBodies") }),
            let content = body["content"]?.objectValue,
            let json = content.first(where: { Self.isJSON($0.key) })?.value
        {
            hasBody = true
            var schema = inliner.inline(json["schema"] ?? [:])
            if let description = body["description"]?.stringValue, case .object(var object) = schema,
                object["description"] == nil
            {
                object["description"] = .string(description)
                schema = .object(object)
            }
            inputProperties["body"] = schema
            if body["required"] == .bool(true) { inputRequired.append("body") }
        }
        if !inputProperties.isEmpty { input["properties"] = .object(inputProperties) }
        if !inputRequired.isEmpty { input["required"] = .array(inputRequired) }
        let summary = operation["summary"]?.stringValue
        let requestName = ToolNaming.requestName(
            summary: summary, operationID: operation["operationId"]?.stringValue, method: method, path: path)
        let details = operation["description"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = [requestName, details].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " - ")
        return OperationTool(
            name: ToolNaming.name(integration: integration, requestName: requestName), integration: integration,
            method: method.uppercased(), path: path, serverURL: server.flatMap { $0.isEmpty ? nil : $0 },
            parameters: callable, hasBody: hasBody, description: description, inputSchema: .object(input))
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type =
            contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type == "application/json" || type.hasSuffix("+json")
    }
}
