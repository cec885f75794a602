import Foundation
import ProviderKit

/// One spec file into operations, read from its JSON in one pass with typed diagnostics
/// (``Diagnostic``), operation by operation: what the meaning does not need (`info`,
/// `responses`) is a warning and loads; what cannot be understood (an unresolvable `$ref`, a
/// parameter without `name`) skips that operation only. Only a file that is not JSON or YAML,
/// or not an OpenAPI (3.x) or Swagger (2.0) document, is skipped whole.
///
/// Stages: read (``SpecReader``) → convert 2.0 (``Swagger2Converter``) → document checks →
/// operations (``OperationReader``). Names are given by the folder (``ToolNaming``).
enum SpecParser {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    struct Parsed: Sendable {
        var file: String
        var integration: String
        /// The operations as tools; their `name` is empty until the folder names them.
        var tools: [OperationTool]
        var diagnostics: [Diagnostic]
        /// Whether the file was read as an OpenAPI document at all (else it is skipped whole).
        var understood = false
    }

    /// `outputSchemas`: give operations an output schema (the provider's `output_schema` setting).
    static func parse(_ data: Data, yaml: Bool, integration: String, file: String, outputSchemas: Bool = false)
        -> Parsed
    {
        var parsed = Parsed(file: file, integration: integration, tools: [], diagnostics: [])
        switch SpecReader.read(data, yaml: yaml, file: file) {
        case .failure(let diagnostic):
            parsed.diagnostics.append(diagnostic)
        case .success(let document):
            parse(document, into: &parsed, outputSchemas: outputSchemas)
        }
        return parsed
    }

    static func parse(_ input: JSONValue, into parsed: inout Parsed, outputSchemas: Bool = false) {
        let file = parsed.file
        func report(_ severity: Diagnostic.Severity, _ path: String, _ message: String) {
            parsed.diagnostics.append(Diagnostic(severity: severity, file: file, path: path, message: message))
        }
        guard case .object = input else {
            return report(.error, "", "not an OpenAPI document: the top level is not an object")
        }
        var document = input
        if let swagger = input["swagger"] {
            guard swagger.stringValue?.hasPrefix("2.") == true else {
                return report(
                    .error, "/swagger", "Swagger \(ParameterSerializer.text(swagger)) is not supported (2.0 is)")
            }
            var converter = Swagger2Converter(file: file)
            document = converter.convert(input)
            parsed.diagnostics += converter.diagnostics
            // A warning, so that `check` shows it: the conversion is ours, not the author's.
            report(.warning, "", "a Swagger 2.0 document: converted to OpenAPI 3.0 on load")
        } else if let version = input["openapi"] {
            guard let text = version.stringValue, text.hasPrefix("3.") else {
                return report(
                    .error, "/openapi",
                    "OpenAPI \(ParameterSerializer.text(version)) is not supported (3.0, 3.1 and Swagger 2.0 are)")
            }
        } else {
            return report(.error, "", "not an OpenAPI document: it has neither `openapi` nor `swagger`")
        }

        parsed.understood = true
        if document["info"]?.objectValue == nil {
            report(.warning, "/info", "`info` is missing (OpenAPI requires it); loaded anyway")
        } else {
            func missing(_ key: String) {
                report(.warning, "/info/\(key)", "`info.\(key)` is missing (OpenAPI requires it); loaded anyway")
            }
            if document["info"]?["title"]?.stringValue == nil { missing("title") }
            // A version written as a YAML or JSON number (`version: 1.0`) is a version all the same.
            switch document["info"]?["version"] {
            case .string?, .integer?, .number?: break
            default: missing("version")
            }
        }
        guard let paths = document["paths"]?.objectValue else {
            if document["paths"] != nil {
                report(.error, "/paths", "`paths` is not an object: no operations")
            } else if document["webhooks"] == nil && document["components"] == nil {
                report(.warning, "/paths", "`paths` is missing: no operations")
            }
            return
        }

        let rootServer = ServerChoice.choose(
            document["servers"], level: "the document's", pointer: "/servers", outer: .relative, file: file,
            diagnostics: &parsed.diagnostics)
        var reader = OperationReader(
            file: file, integration: parsed.integration, document: document, outputSchemas: outputSchemas)
        for (path, rawItem) in paths.sorted(by: { $0.key < $1.key }) {
            let pointer = DocumentPointer.join("/paths", path)
            if !path.hasPrefix("/") {
                report(.warning, pointer, "a path should start with `/`; used as written")
            }
            var item = rawItem
            if let ref = rawItem["$ref"]?.stringValue {
                guard let target = DocumentPointer.resolve(ref, in: document) else {
                    report(.error, pointer, "unresolvable reference \(ref): the path's operations were skipped")
                    continue
                }
                item = target
            }
            guard case .object(let members) = item else {
                report(.error, pointer, "a path item must be an object: the path was skipped")
                continue
            }
            let itemServer = ServerChoice.choose(
                members["servers"], level: "the path item's", pointer: pointer + "/servers", outer: rootServer,
                file: file, diagnostics: &parsed.diagnostics)
            for method in methods {
                guard let rawOperation = members[method] else { continue }
                let operationPointer = DocumentPointer.join(pointer, method)
                guard case .object(let operation) = rawOperation else {
                    report(.error, operationPointer, "an operation must be an object: skipped")
                    continue
                }
                let operationServer = ServerChoice.choose(
                    operation["servers"], level: "the operation's", pointer: operationPointer + "/servers",
                    outer: itemServer, file: file, diagnostics: &parsed.diagnostics)
                if let tool = reader.read(
                    operation, method: method, pathKey: path, shared: members["parameters"],
                    sharedPointer: pointer + "/parameters", server: operationServer.url, pointer: operationPointer)
                {
                    parsed.tools.append(tool)
                }
            }
        }
        parsed.diagnostics += reader.diagnostics
    }
}
