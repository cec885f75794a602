import Foundation
import ProviderKit

@testable import OpenAPICustomCore

/// Fixtures and helpers of the OpenAPI provider's unit tests.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures"

    /// A file of `Fixtures/real` (public documents, see its SOURCES.md) parsed as `integration`,
    /// named as the folder would.
    static func real(_ name: String, as integration: String, outputSchemas: Bool = false) throws -> (
        spec: SpecFile, diagnostics: [Diagnostic]
    ) {
        try file("real/" + name, as: integration, outputSchemas: outputSchemas)
    }

    /// A file of `Fixtures` (`synthetic/fan-out.json`) parsed as `integration`.
    static func file(_ name: String, as integration: String, outputSchemas: Bool = false) throws -> (
        spec: SpecFile, diagnostics: [Diagnostic]
    ) {
        let path = folder + "/" + name
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let yaml = !name.hasSuffix(".json")
        return named(
            SpecParser.parse(data, yaml: yaml, integration: integration, file: path, outputSchemas: outputSchemas))
    }

    /// A document given as JSON, parsed as `integration`.
    static func spec(_ document: JSONValue, as integration: String = "acme", outputSchemas: Bool = false) -> (
        spec: SpecFile, diagnostics: [Diagnostic]
    ) {
        named(
            SpecParser.parse(
                Data(document.encoded()), yaml: false, integration: integration, file: "acme.json",
                outputSchemas: outputSchemas))
    }

    /// A YAML text, parsed as `integration`.
    static func yaml(_ text: String, as integration: String = "acme") -> (spec: SpecFile, diagnostics: [Diagnostic]) {
        named(SpecParser.parse(Data(text.utf8), yaml: true, integration: integration, file: "acme.yaml"))
    }

    static func named(_ parsed: SpecParser.Parsed) -> (spec: SpecFile, diagnostics: [Diagnostic]) {
        var loaded = SpecFolder.Loaded(
            specs: [SpecFile(file: parsed.file, integration: parsed.integration, tools: parsed.tools)],
            diagnostics: parsed.diagnostics)
        SpecFolder.name(&loaded)
        return (loaded.specs[0], loaded.diagnostics)
    }

    /// A minimal OpenAPI 3.0 document with `paths`.
    static func document(_ paths: JSONValue, components: JSONValue = [:], servers: JSONValue? = nil) -> JSONValue {
        var document: [String: JSONValue] = [
            "openapi": "3.0.3", "info": ["title": "t", "version": "1"], "paths": paths, "components": components,
        ]
        if let servers { document["servers"] = servers }
        return .object(document)
    }
}

extension SpecFile {
    func tool(_ name: String) -> OperationTool? { tools.first { $0.name == name } }
}

extension PreparedRequest {
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    var text: String { String(decoding: body, as: UTF8.self) }
}
