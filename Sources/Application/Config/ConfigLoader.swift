import Foundation
import JSONCore
import JWTKit
import Settings
import YAMLJSON

/// Builds a ``HostConfig`` from config.yaml, a `.env` file and the environment, refusing it
/// with every problem located when anything is wrong.
package struct ConfigLoader: Sendable {
    /// The config file; nil for none (defaults and environment only).
    package var file: String?
    package var environment: ConfigEnvironment

    package init(file: String?, environment: ConfigEnvironment) {
        self.file = file
        self.environment = environment
    }

    /// Loads for a process: `.env` from the working directory under the process environment,
    /// and `path`, or `./config.yaml` when it exists.
    package static func forProcess(configPath path: String?) throws(ConfigErrors) -> ConfigLoader {
        let cwd = FileManager.default.currentDirectoryPath
        let dotEnv: DotEnv
        do {
            dotEnv = try DotEnv.load(path: (cwd as NSString).appendingPathComponent(".env"))
        } catch {
            throw ConfigErrors(errors: [error])
        }
        let environment = ConfigEnvironment(process: ProcessInfo.processInfo.environment, dotEnv: dotEnv)
        var file = path ?? environment.text(of: HostConfig.configFileSetting)?.text
        if file == nil {
            let candidate = (cwd as NSString).appendingPathComponent("config.yaml")
            if FileManager.default.fileExists(atPath: candidate) { file = candidate }
        }
        return ConfigLoader(file: file.map { ConfigPaths.absolute($0, against: cwd) }, environment: environment)
    }

    package func load() throws(ConfigErrors) -> HostConfig {
        guard let file else { return try load(yaml: nil) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigErrors(errors: [
                ConfigError(
                    .unreadableFile, at: .file(path: file, line: 1, column: 1), key: "",
                    FileManager.default.fileExists(atPath: file)
                        ? "the config file cannot be read" : "the config file does not exist")
            ])
        }
        return try load(yaml: String(decoding: data, as: UTF8.self))
    }

    /// Reads `yaml` as the content of `file` (nil: no file), without touching the file system:
    /// relative paths are taken against the file's folder (the working directory without one).
    package func load(yaml: String?) throws(ConfigErrors) -> HostConfig {
        var reader = ConfigReader()
        reader.names = environment.names
        var root: ConfigNode?
        let directory: String
        if let file, let yaml {
            directory = (file as NSString).deletingLastPathComponent
            do throws(ConfigError) {
                root = try ConfigNode.parse(yaml: yaml, path: file, environment: environment)
            } catch {
                throw ConfigErrors(errors: [error])
            }
        } else {
            directory =
                file.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        }

        var config = HostConfig.defaults(file: file, directory: directory)
        readFile(root, into: &config, &reader)
        applyEnvironment(to: &config, &reader)
        validate(&config, &reader)
        guard reader.errors.isEmpty else { throw ConfigErrors(errors: reader.errors) }
        return config
    }

    /// config.yaml's settings (``HostConfig/declarations``), section by section; `providers:`
    /// and the signing key by hand.
    private func readFile(_ root: ConfigNode?, into config: inout HostConfig, _ reader: inout ConfigReader) {
        let settings = HostConfig.declarations
        let top = reader.mapping(root, key: "", allowed: settings.members(of: ""))
        for section in settings.members(of: "") {
            switch section {
            case "providers":
                readProviders(top[section], into: &config.providers, &reader)
            case "paragon":
                let map = reader.read(settings, under: section, from: top[section], at: section, into: &config)
                readSigningKey(map, into: &config.paragon, &reader)
            default:
                reader.read(settings, member: section, of: top, under: "", at: "", into: &config)
            }
        }
    }

    // MARK: Helpers

    var directoryForRelativePaths: String {
        file.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
    }

    /// A PEM pasted into one line with literal `\n` sequences, as the TypeScript server accepts.
    static func unescapeNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n")
    }

    /// YAML 1.2's scalars (``YAMLJSON/scalar(_:)``): plain scalars may be null, booleans or
    /// numbers, never YAML 1.1's `yes`/`on`, octal or timestamps; quoted ones are text.
    static func json(_ node: ConfigNode) -> JSONValue {
        switch node.value {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            return YAMLJSON.scalar(text)
        case .sequence(let items):
            return .array(items.map(json))
        case .mapping(let pairs):
            return .object(Dictionary(pairs.map { ($0.key, json($0.value)) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
