import Foundation
import ProviderKit

/// A Swagger 2.0 document in OpenAPI 3.0's shape, so the rest of the reader sees one format
/// (the correspondence of OAS 2.0 to OAS 3.0.0's "Changes" and the object definitions):
/// - `host`, `basePath` and `schemes` become `servers` (`https` first);
/// - `definitions` become `components.schemas`, and every `$ref: #/definitions/X` points there;
///   top-level `parameters` are inlined where referenced;
/// - `in: body` becomes `requestBody` with the operation's `consumes` (else the document's,
///   else `application/json`); `in: formData` parameters become one object schema under
///   `multipart/form-data` when a field is a `type: file` (then `format: binary`) or `consumes`
///   says so, else `application/x-www-form-urlencoded`;
/// - other parameters get a `schema` from their type keywords; `collectionFormat` (``collectionStyle``)
///   becomes a parameter's `style`/`explode`, and a form field's Encoding Object;
/// - `securityDefinitions` become `components.securitySchemes` in 3.0's shape (``securityScheme``),
///   which the credentials rule reads;
/// - responses' `schema` moves under `content`, per media type the operation `produces`
///   (``responses(_:produces:document:)``), for output schemas.
struct Swagger2Converter {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Keywords of a 2.0 non-body parameter that belong in its 3.0 `schema`.
    static let schemaKeywords = [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    ]
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch"]

    mutating func convert(_ document: JSONValue) -> JSONValue {
        let source = Self.rewritingReferences(document)
        var result: [String: JSONValue] = ["openapi": "3.0.3"]
        for key in ["info", "tags", "externalDocs", "security"] { result[key] = source[key] }
        if let servers = servers(source) { result["servers"] = servers }
        var components: [String: JSONValue] = [:]
        if let definitions = source["definitions"]?.objectValue {
            components["schemas"] = .object(definitions.mapValues(Self.schema))
        }
        if let schemes = source["securityDefinitions"]?.objectValue {
            components["securitySchemes"] = .object(schemes.mapValues(Self.securityScheme))
        }
        if !components.isEmpty { result["components"] = .object(components) }
        let consumes = source["consumes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let produces = source["produces"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var paths: [String: JSONValue] = [:]
        for (path, item) in source["paths"]?.objectValue ?? [:] {
            guard case .object(let members) = item else {
                paths[path] = item
                continue
            }
            let pointer = DocumentPointer.join("/paths", path)
            let shared = members["parameters"]?.arrayValue ?? []
            var converted: [String: JSONValue] = [:]
            for (key, value) in members where key.hasPrefix("x-") || key == "$ref" { converted[key] = value }
            for method in Self.methods {
                guard case .object(let operation)? = members[method] else { continue }
                converted[method] = self.operation(
                    operation, shared: shared, consumes: consumes, produces: produces, document: source,
                    pointer: DocumentPointer.join(pointer, method))
            }
            paths[path] = .object(converted)
        }
        result["paths"] = .object(paths)
        return .object(result)
    }

    /// `scheme://host/basePath` per scheme (https first); only `basePath` without a host.
    func servers(_ document: JSONValue) -> JSONValue? {
        let basePath = document["basePath"]?.stringValue ?? ""
        guard let host = document["host"]?.stringValue, !host.isEmpty else {
            return basePath.isEmpty || basePath == "/" ? nil : [["url": .string(basePath)]]
        }
        var schemes = document["schemes"]?.arrayValue?.compactMap(\.stringValue) ?? ["https"]
        if schemes.isEmpty { schemes = ["https"] }
        schemes.sort { ($0 == "https" ? 0 : 1) < ($1 == "https" ? 0 : 1) }
        let path = basePath == "/" ? "" : basePath
        return .array(schemes.map { ["url": .string("\($0)://\(host)\(path)")] })
    }

    mutating func operation(
        _ operation: [String: JSONValue], shared: [JSONValue], consumes: [String], produces: [String],
        document: JSONValue, pointer: String
    ) -> JSONValue {
        var result = operation
        if let responses = operation["responses"] {
            let types = operation["produces"]?.arrayValue?.compactMap(\.stringValue) ?? produces
            result["responses"] = Self.responses(responses, produces: types, document: document)
        }
        result["consumes"] = nil
        result["produces"] = nil
        result["schemes"] = nil
        result["parameters"] = nil
        let mediaTypes = operation["consumes"]?.arrayValue?.compactMap(\.stringValue) ?? consumes
        // Operation parameters override path-level ones of the same name and location.
        var merged: [JSONValue] = []
        for raw in shared + (operation["parameters"]?.arrayValue ?? []) {
            let parameter = raw["$ref"]?.stringValue.flatMap { DocumentPointer.resolve($0, in: document) } ?? raw
            merged.removeAll { $0["name"] == parameter["name"] && $0["in"] == parameter["in"] }
            merged.append(parameter)
        }
        var parameters: [JSONValue] = []
        var formProperties: [String: JSONValue] = [:]
        var formRequired: [JSONValue] = []
        var formEncodings: [String: JSONValue] = [:]
        var hasFile = false
        for parameter in merged {
            guard case .object(var object) = parameter, let location = object["in"]?.stringValue else {
                parameters.append(parameter)  // the reader reports it
                continue
            }
            switch location {
            case "body":
                var body: [String: JSONValue] = [:]
                let types = mediaTypes.isEmpty ? ["application/json"] : mediaTypes
                let schema = Self.schema(object["schema"] ?? [:])
                body["content"] = .object(
                    Dictionary(types.map { ($0, ["schema": schema]) }, uniquingKeysWith: { a, _ in a }))
                if let description = object["description"] { body["description"] = description }
                if object["required"] == .bool(true) { body["required"] = true }
                result["requestBody"] = .object(body)
            case "formData":
                guard let name = object["name"]?.stringValue else { continue }
                var schema = Self.parameterSchema(object)
                if object["type"] == "file" {
                    hasFile = true
                    var file: [String: JSONValue] = ["type": "string", "format": "binary"]
                    file["description"] = object["description"]
                    schema = .object(file)
                } else if let (style, explode) = collectionStyle(object, in: location, pointer: pointer) {
                    formEncodings[name] = ["style": .string(style), "explode": .bool(explode)]
                }
                formProperties[name] = schema
                if object["required"] == .bool(true) { formRequired.append(.string(name)) }
            default:
                let schema = Self.parameterSchema(object)
                if let (style, explode) = collectionStyle(object, in: location, pointer: pointer) {
                    object["style"] = .string(style)
                    object["explode"] = .bool(explode)
                }
                for keyword in Self.schemaKeywords + ["collectionFormat"] { object[keyword] = nil }
                object["schema"] = schema
                parameters.append(.object(object))
            }
        }
        if !formProperties.isEmpty {
            let multipart = hasFile || mediaTypes.contains { $0.lowercased().hasPrefix("multipart/form-data") }
            var schema: [String: JSONValue] = ["type": "object", "properties": .object(formProperties)]
            if !formRequired.isEmpty { schema["required"] = .array(formRequired) }
            let type = multipart ? "multipart/form-data" : "application/x-www-form-urlencoded"
            var media: [String: JSONValue] = ["schema": .object(schema)]
            if !formEncodings.isEmpty { media["encoding"] = .object(formEncodings) }
            result["requestBody"] = [
                "content": .object([type: .object(media)]),
                "required": .bool(!formRequired.isEmpty),
            ]
        }
        if !parameters.isEmpty { result["parameters"] = .array(parameters) }
        return .object(result)
    }

    /// An array parameter's or form field's `collectionFormat` (`csv` when it gives none, 2.0's
    /// default) as OpenAPI 3's `style` and `explode` in `location`: `csv` unexploded (`form` in
    /// a query or form, `simple` elsewhere), `ssv` spaceDelimited, `tsv` tabDelimited, `pipes`
    /// pipeDelimited, `multi` exploded `form`. The delimited styles and `multi` exist only in a
    /// query or form: elsewhere, and for an unknown format, `csv` is used with a warning. Nil for
    /// a parameter that is not an array and gives no format.
    mutating func collectionStyle(_ parameter: [String: JSONValue], in location: String, pointer: String) -> (
        style: String, explode: Bool
    )? {
        let written = parameter["collectionFormat"]?.stringValue
        guard written != nil || parameter["type"] == "array" else { return nil }
        let format = written ?? "csv"
        let inQuery = location == "query" || location == "formData"
        let csv = (style: inQuery ? "form" : "simple", explode: false)
        let style: (style: String, explode: Bool)? =
            switch format {
            case "csv": csv
            case "ssv": inQuery ? ("spaceDelimited", false) : nil
            case "tsv": inQuery ? ("tabDelimited", false) : nil
            case "pipes": inQuery ? ("pipeDelimited", false) : nil
            case "multi": inQuery ? ("form", true) : nil
            default: nil
            }
        if style == nil {
            let name = parameter["name"]?.stringValue ?? "?"
            diagnostics.append(
                Diagnostic(
                    severity: .warning, file: file, path: pointer,
                    message:
                        "collectionFormat \(format) of \(location) parameter \(name) has no OpenAPI 3 style there; sent comma-separated"
                ))
        }
        return style ?? csv
    }

    /// A 2.0 non-body parameter's type keywords as a schema (`items` converted too).
    static func parameterSchema(_ object: [String: JSONValue]) -> JSONValue {
        var schema: [String: JSONValue] = [:]
        for keyword in schemaKeywords { if let value = object[keyword] { schema[keyword] = value } }
        if let items = schema["items"] { schema["items"] = parameterSchema(items.objectValue ?? [:]) }
        if object["allowEmptyValue"] == .bool(true), schema["type"] == "string" { schema["minLength"] = nil }
        return Self.schema(.object(schema))
    }

    /// A 2.0 schema as 3.0: `x-nullable` as `nullable`, `type: file` as binary.
    static func schema(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if let nullable = object["x-nullable"] {
                object["nullable"] = nullable
                object["x-nullable"] = nil
            }
            if object["type"] == "file" {
                object["type"] = "string"
                object["format"] = "binary"
            }
            for key in ["properties", "definitions"] {
                if case .object(let map)? = object[key] { object[key] = .object(map.mapValues(schema)) }
            }
            for key in ["items", "additionalProperties", "not"] {
                if case .object? = object[key] { object[key] = schema(object[key]!) }
            }
            if case .array(let list)? = object["allOf"] { object["allOf"] = .array(list.map(schema)) }
            return .object(object)
        default:
            return value
        }
    }

    /// A 2.0 Security Scheme Object in 3.0's shape: `basic` is `{type: http, scheme: basic}`;
    /// `oauth2`'s `flow` (`implicit`, `password`, `application`, `accessCode`) with its
    /// `authorizationUrl`, `tokenUrl` and `scopes` is `flows` (`implicit`, `password`,
    /// `clientCredentials`, `authorizationCode`); `apiKey` is the same in both.
    static func securityScheme(_ scheme: JSONValue) -> JSONValue {
        guard case .object(var object) = scheme else { return scheme }
        switch object["type"]?.stringValue {
        case "basic":
            object["type"] = "http"
            object["scheme"] = "basic"
        case "oauth2":
            let names = [
                "implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode",
            ]
            var flow: [String: JSONValue] = ["scopes": object.removeValue(forKey: "scopes") ?? [:]]
            for key in ["authorizationUrl", "tokenUrl"] { flow[key] = object.removeValue(forKey: key) }
            let name = object.removeValue(forKey: "flow")?.stringValue.flatMap { names[$0] } ?? "implicit"
            object["flows"] = .object([name: .object(flow)])
        default:
            break
        }
        return .object(object)
    }

    /// Every `$ref: #/definitions/X` as `#/components/schemas/X`.
    static func rewritingReferences(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if let ref = object["$ref"]?.stringValue, ref.hasPrefix("#/definitions/") {
                object["$ref"] = .string("#/components/schemas/" + ref.dropFirst("#/definitions/".count))
            }
            return .object(object.mapValues(rewritingReferences))
        case .array(let elements):
            return .array(elements.map(rewritingReferences))
        default:
            return value
        }
    }
}
