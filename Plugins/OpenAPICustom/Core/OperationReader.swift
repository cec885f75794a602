import Foundation
import ParagonAPI
import ProviderKit

/// One operation as a tool: its parameters and body as the input schema (`params` and `body`),
/// and how to send them. Problems are ``Diagnostic``s; one that leaves the operation
/// ununderstood (an unresolvable `$ref`, a parameter without `name` or `in`) skips it.
struct OperationReader {
    let file: String
    let integration: String
    let document: JSONValue
    private(set) var diagnostics: [Diagnostic] = []
    var inliner: SchemaInliner
    /// Names (lower-cased) of parameters that carry the API's credentials, which Paragon's
    /// proxy supplies from the user's connected account: ``Credentials/parameterNames(in:)``.
    let credentials: Set<String>
    /// Whether operations get an output schema (the provider's `output_schema` setting).
    let outputSchemas: Bool

    init(file: String, integration: String, document: JSONValue, outputSchemas: Bool = false) {
        self.file = file
        self.integration = integration
        self.document = document
        self.outputSchemas = outputSchemas
        self.inliner = SchemaInliner(document: document)
        self.credentials = Credentials.parameterNames(in: document)
    }

    /// Why an operation was skipped.
    struct Skip: Error {
        var path: String
        var message: String
    }

    mutating func read(
        _ operation: [String: JSONValue], method: String, pathKey: String, shared: JSONValue?, sharedPointer: String,
        server: String?, pointer: String
    ) -> OperationTool? {
        inliner.beginOperation()
        do throws(Skip) {
            var tool = try build(
                operation, method: method, pathKey: pathKey, shared: shared, sharedPointer: sharedPointer,
                server: server, pointer: pointer)
            if let ref = inliner.unresolved.first {
                throw Skip(path: pointer, message: "unresolvable reference \(ref)")
            }
            if !inliner.overBudget.isEmpty { warnOverBudget(pointer, schema: "input") }
            if operation["responses"] == nil {
                warn(pointer, "the operation has no `responses` (OpenAPI 3.0 requires them); loaded anyway")
            }
            if outputSchemas { tool.outputSchema = outputSchema(operation, pointer: pointer) }
            return tool
        } catch {
            diagnostics.append(
                Diagnostic(
                    severity: .error, file: file, path: error.path, message: error.message + ": operation skipped")
            )
            return nil
        }
    }

    /// The warning for references the inliner's budget cut in this operation's `schema` (`input`,
    /// `output`): which, and how many times (the first five).
    mutating func warnOverBudget(_ pointer: String, schema: String) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for ref in inliner.overBudget {
            if counts[ref] == nil { order.append(ref) }
            counts[ref, default: 0] += 1
        }
        var cut = order.prefix(5).map { counts[$0]! > 1 ? "\($0) (\(counts[$0]!) places)" : $0 }
        if order.count > 5 { cut.append("\(order.count - 5) more") }
        warn(
            pointer,
            "the \(schema) schema would pass \(inliner.maxBytes / 1024) KiB: these references are not expanded "
                + "(any value of their type is accepted there): \(cut.joined(separator: ", "))")
    }

    mutating func warn(_ path: String, _ message: String, _ severity: Diagnostic.Severity = .warning) {
        diagnostics.append(Diagnostic(severity: severity, file: file, path: path, message: message))
    }

    private mutating func build(
        _ operation: [String: JSONValue], method: String, pathKey: String, shared: JSONValue?, sharedPointer: String,
        server: String?, pointer: String
    ) throws(Skip) -> OperationTool {
        // The request path: a `#fragment` in the key is no part of it.
        let path =
            pathKey.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            ?? pathKey
        // Operation parameters override path-level ones of the same name and location.
        var raw: [(pointer: String, value: JSONValue)] = []
        for (index, value) in (shared?.arrayValue ?? []).enumerated() {
            raw.append(("\(sharedPointer)/\(index)", value))
        }
        for (index, value) in (operation["parameters"]?.arrayValue ?? []).enumerated() {
            raw.append(("\(pointer)/parameters/\(index)", value))
        }
        var declared: [(pointer: String, name: String, location: String, value: JSONValue)] = []
        for (at, value) in raw {
            let parameter = try resolve(value, at: at)
            guard let name = parameter["name"]?.stringValue, !name.isEmpty else {
                throw Skip(path: at, message: "a parameter without `name`")
            }
            guard let location = parameter["in"]?.stringValue else {
                throw Skip(path: at, message: "parameter \(name) has no `in`")
            }
            declared.removeAll { $0.name == name && $0.location == location }
            declared.append((at, name, location, parameter))
        }
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        var parameters: [OperationTool.Parameter] = []
        var withheld: [String: Withheld] = [:]
        for (at, name, location, parameter) in declared {
            guard let place = OperationTool.Parameter.Location(rawValue: location) else {
                if location == "cookie" {
                    warn(at, "cookie parameter \(name) is not sent (Paragon's proxy keeps cookies); left out", .note)
                    withheld[name] = .cookie
                    continue
                }
                throw Skip(path: at, message: "parameter \(name) is `in: \(location)` (path, query, header or cookie)")
            }
            if place == .header, OperationTool.isWithheldHeader(name) {
                withheld[name] = .reservedHeader
                continue
            }
            if credentials.contains(name.lowercased()) {
                withheld[name] = .credential
                continue
            }
            if place == .header, !RequestHeaders.isValidName(name) {
                warn(at, "header parameter `\(name)` is not a valid header name (RFC 9110 token); left out")
                withheld[name] = .invalidHeaderName
                continue
            }
            var asJSON = false
            var schemaSource = parameter["schema"]
            if schemaSource == nil, let content = parameter["content"]?.objectValue, let first = content.first {
                schemaSource = first.value["schema"]
                asJSON = MediaType(first.key).isJSON
            }
            var schema = RequestSchema.strippingReadOnly(inliner.inline(schemaSource ?? [:]))
            if let description = parameter["description"]?.stringValue, schema["description"] == nil,
                case .object(var object) = schema
            {
                object["description"] = .string(description)
                schema = .object(object)
            }
            var style = SerializationStyle.defaultStyle(in: place)
            if let written = parameter["style"]?.stringValue {
                if let known = SerializationStyle(rawValue: written) {
                    style = known
                } else {
                    warn(at + "/style", "unknown style \(written); \(style.rawValue) is used")
                }
            }
            let explode =
                parameter["explode"].flatMap { if case .bool(let flag) = $0 { flag } else { nil } }
                ?? (style == .form)
            var fallback: JSONValue?
            let isRequired = place == .path || parameter["required"] == .bool(true)
            // A header's default is what the API assumes without it; some (Notion's
            // Notion-Version) need it sent all the same, so it is sent whenever left out.
            if place == .header {
                if let value = schema["default"] {
                    fallback = value
                } else if let values = schema["enum"]?.arrayValue, values.count == 1 {
                    fallback = values[0]
                }
            }
            properties[name] = schema
            if isRequired, fallback == nil { required.append(.string(name)) }
            parameters.append(
                .init(
                    name: name, location: place, style: style, explode: explode,
                    allowReserved: parameter["allowReserved"] == .bool(true), asJSON: asJSON, fallback: fallback))
        }
        // A `{name}` of the path without a parameter: an implied string one.
        for name in Template.names(path)
        where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            warn(pointer, "path parameter {\(name)} is not declared; taken as a required string")
            properties[name] = ["type": "string"]
            required.append(.string(name))
            parameters.append(.init(name: name, location: .path, style: .simple, explode: false))
        }

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
        var body: RequestBody?
        var withheldFields: [String: Withheld] = [:]
        if let rawBody = operation["requestBody"] {
            let bodyPointer = pointer + "/requestBody"
            let requestBody = try resolve(rawBody, at: bodyPointer)
            if let read = readBody(requestBody, at: bodyPointer) {
                body = read.kind
                withheldFields = read.withheld
                inputProperties["body"] = read.schema
                if requestBody["required"] == .bool(true) { inputRequired.append("body") }
            }
        }
        var input: [String: JSONValue] = ["type": "object", "properties": .object(inputProperties)]
        if !inputRequired.isEmpty { input["required"] = .array(inputRequired) }

        let summary = operation["summary"]?.stringValue
        let operationID = operation["operationId"]?.stringValue
        let requestName = Self.requestName(summary: summary, operationID: operationID, method: method, path: pathKey)
        let details = operation["description"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = [requestName, details].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " - ")
        return OperationTool(
            name: "", integration: integration, method: method.uppercased(), path: path, serverURL: server,
            parameters: parameters, withheldParameters: withheld, body: body, withheldFields: withheldFields,
            description: description, inputSchema: .object(input),
            origin: .init(
                file: file, pointer: pointer,
                operation: .init(
                    integration: integration, summary: summary, operationID: operationID, method: method,
                    path: pathKey, file: (file as NSString).lastPathComponent)))
    }

    /// `value` with a `$ref` followed (any local pointer, refs to refs too).
    func resolve(_ value: JSONValue, at pointer: String) throws(Skip) -> JSONValue {
        var current = value
        var hops = 0
        while let ref = current["$ref"]?.stringValue {
            guard hops < 16, let target = DocumentPointer.resolve(ref, in: document) else {
                throw Skip(path: pointer, message: "unresolvable reference \(ref)")
            }
            current = target
            hops += 1
        }
        return current
    }

    /// The request name: the summary, else the operationId, else method and path.
    static func requestName(summary: String?, operationID: String?, method: String, path: String) -> String {
        if let summary = summary?.trimmingCharacters(in: .whitespacesAndNewlines), !summary.isEmpty { return summary }
        if let operationID = operationID?.trimmingCharacters(in: .whitespaces), !operationID.isEmpty {
            return operationID
        }
        return method.uppercased() + " " + path
    }
}
