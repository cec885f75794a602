import Foundation

/// The folder of OpenAPI specs: `.json`, `.yaml` and `.yml` files named after their
/// integration (`googleCalendar.json`, `custom.spotify.yaml`).
enum SpecFolder {
    struct Loaded: Sendable {
        /// The files that yielded a document (possibly with operations skipped).
        var specs: [SpecFile] = []
        /// Everything noticed, file by file: errors (a file or operation skipped), warnings
        /// (loaded anyway), notes.
        var diagnostics: [Diagnostic] = []
        /// Tools whose name differs from the TypeScript server's.
        var renames: [ToolNaming.Rename] = []
    }

    static let extensions = ["json", "yaml", "yml"]

    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// Reads and parses every spec in `folder` (a missing folder has none), each file once;
    /// then names every tool, uniquely across the folder. `outputSchemas`: give operations an
    /// output schema (the provider's `output_schema` setting).
    static func load(_ folder: String, outputSchemas: Bool = false) -> Loaded {
        var loaded = Loaded()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            let ext = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            let integration = (name as NSString).deletingPathExtension
            guard let data = FileManager.default.contents(atPath: path) else {
                loaded.diagnostics.append(
                    Diagnostic(severity: .error, file: path, path: "", message: "cannot read the file"))
                continue
            }
            let parsed = SpecParser.parse(
                data, yaml: ext != "json", integration: integration, file: path, outputSchemas: outputSchemas)
            loaded.diagnostics += parsed.diagnostics
            if parsed.understood {
                loaded.specs.append(SpecFile(file: path, integration: integration, tools: parsed.tools))
            }
        }
        name(&loaded)
        return loaded
    }

    /// Gives every tool its name (``ToolNaming``), in file order then operation order.
    static func name(_ loaded: inout Loaded) {
        let operations = loaded.specs.flatMap { $0.tools.map(\.origin.operation) }
        let (names, renames) = ToolNaming.assign(operations)
        var index = 0
        for specIndex in loaded.specs.indices {
            for toolIndex in loaded.specs[specIndex].tools.indices {
                loaded.specs[specIndex].tools[toolIndex].name = names[index]
                index += 1
            }
        }
        loaded.renames = renames
    }
}
