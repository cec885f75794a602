import Foundation

/// The folder of OpenAPI specs: `.json`, `.yaml` and `.yml` files named after their
/// integration (`googleCalendar.json`, `custom.spotify.yaml`).
enum SpecFolder {
    struct Loaded {
        var specs: [SpecFile] = []
        /// Files that could not be used, each naming the file, the place and the problem.
        var problems: [String] = []
        /// Things worth knowing that are not problems (renamed tools, say).
        var notes: [String] = []
    }

    static let extensions = ["json", "yaml", "yml"]

    static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// Reads and parses every spec in `folder` (a missing folder has none); a broken file is
    /// reported and skipped. Tool names are unique across the folder.
    static func load(_ folder: String) -> Loaded {
        var loaded = Loaded()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            let ext = (name as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            let integration = (name as NSString).deletingPathExtension
            guard let data = FileManager.default.contents(atPath: path) else {
                loaded.problems.append("\(path): cannot read the file")
                continue
            }
            do {
                let spec = try SpecParser.parse(data, yaml: ext != "json", integration: integration, file: path)
                loaded.notes += spec.notes
                loaded.specs.append(spec)
            } catch {
                loaded.problems.append("\(path): \(error)")
            }
        }
        // Names unique across files too.
        let all = loaded.specs.flatMap { $0.tools.map(\.name) }
        let (unique, renamed) = ToolNaming.disambiguate(all)
        var index = 0
        for specIndex in loaded.specs.indices {
            for toolIndex in loaded.specs[specIndex].tools.indices {
                loaded.specs[specIndex].tools[toolIndex].name = unique[index]
                index += 1
            }
        }
        loaded.notes += renamed.map { "two operations are both named \($0.from): the later one is \($0.to)" }
        return loaded
    }
}
