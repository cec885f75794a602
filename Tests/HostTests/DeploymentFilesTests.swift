import Foundation
import Testing
import Yams

/// The deployment files: no Docker engine or npm registry is reachable here, so this checks
/// what can be checked: the Dockerfile's inputs exist and its build step yields what it copies,
/// the worker parses, the JSON, TOML and YAML files parse, the compose file's cluster profile is
/// whole, `.env.example` is complete.
@Suite struct DeploymentFilesTests {
    static let root = TestPaths.packageRoot

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    @Test func theDockerfilesInputsExistAndItsBuildStepYieldsWhatItCopies() async throws {
        let dockerfile = try Self.read("Dockerfile")
        let lines = dockerfile.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let ignored = try Self.read(".dockerignore").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        var copied: Set<String> = []
        for line in lines where line.hasPrefix("COPY ") && !line.contains("--from") {
            let sources = line.split(separator: " ").dropFirst().dropLast().map(String.init)
            for source in sources {
                let found =
                    source.hasSuffix("*")
                    ? try FileManager.default.contentsOfDirectory(atPath: Self.root).contains {
                        $0.hasPrefix(String(source.dropLast()))
                    }
                    : FileManager.default.fileExists(atPath: Self.root + "/" + source)
                #expect(found, "COPY \(source): no such file in the repository")
                #expect(!ignored.contains(source), ".dockerignore hides \(source)")
                copied.insert(source)
            }
        }
        // SwiftPM wants a folder for every test target, and the image leaves the tests out.
        let package = try Self.read("Package.swift")
        for match in package.matches(of: try Regex(#"\.testTarget\(\s*name: "([^"]+)""#)) {
            let target = try #require(match.output[1].substring)
            #expect(dockerfile.contains("Tests/\(target)"), "the Dockerfile makes no folder for \(target)")
        }
        // Every other target's folder is copied in.
        for match in package.matches(of: try Regex(#"path: "([^"]+)""#)) {
            let path = String(try #require(match.output[1].substring))
            let top = String(path.split(separator: "/").first ?? "")
            #expect(top == "Tests" || copied.contains(top) || copied.contains(path), "the image lacks \(path)")
        }
        let build = "RUN bash scripts/stage.sh release /staging"
        #expect(lines.contains(build))
        #expect(lines.contains("COPY --from=build /staging/ /app/"))
        #expect(lines.contains(#"ENTRYPOINT ["/app/paragon-mcp"]"#))
        #expect(lines.contains { $0.hasPrefix("USER ") && !$0.hasSuffix("root") })
        #expect(dockerfile.contains("NODE_ENV=production") && dockerfile.contains("/healthz"))

        // The same step on this machine's (debug) build: it stages a folder the server runs from.
        let staging = TestPaths.scratch("staging")
        var environment = ProcessInfo.processInfo.environment
        environment["PARAGON_MCP_BIN_PATH"] = TestPaths.buildDirectory
        let staged = try await Subprocess.runAsync(
            "/bin/bash", [Self.root + "/scripts/stage.sh", "debug", staging], environment: environment)
        #expect(staged.status == 0, "\(staged.stderr)")
        for file in [
            "paragon-mcp", "libActionKit.so", "libOpenAPICustom.so", "libProxyAPI.so",
            "paragon-mcp_Sandbox.resources/catalog.json", "config.yaml", "openapi",
        ] {
            #expect(FileManager.default.fileExists(atPath: staging + "/" + file), "not staged: \(file)")
        }
        let check = try await Subprocess.runAsync(
            "/bin/sh", ["-c", "cd '\(staging)' && ./paragon-mcp check"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("provider actionkit: actionkit"), "providers are found next to the executable")
    }

    @Test func theOtherFilesParse() async throws {
        #expect(try JSONSerialization.jsonObject(with: Data(Self.read("app.json").utf8)) is [String: Any])
        #expect(try JSONSerialization.jsonObject(with: Data(Self.read("worker/package.json").utf8)) is [String: Any])
        let compose = try #require(try Yams.load(yaml: Self.read("docker-compose.yml")) as? [String: Any])
        #expect((compose["services"] as? [String: Any])?["paragon-mcp"] != nil)
        let heroku = try #require(try Yams.load(yaml: Self.read("heroku.yml")) as? [String: Any])
        #expect(heroku["build"] != nil)
        let toml = try await Subprocess.runAsync(
            "/usr/bin/env",
            [
                "python3", "-c", "import sys, tomllib; c = tomllib.load(open(sys.argv[1], 'rb')); print(c['main'])",
                Self.root + "/wrangler.toml",
            ])
        #expect(toml.status == 0 && toml.stdout.contains("worker/index.js"), "\(toml.stderr)")
        let node = try await Subprocess.runAsync("/usr/bin/env", ["node", "--check", Self.root + "/worker/index.js"])
        #expect(node.status == 0, "node --check: \(node.stderr)")
    }

    @Test func theClusterProfileHasTwoInstancesPostgreSQLAndAProxyNamingBoth() throws {
        let compose = try #require(try Yams.load(yaml: Self.read("docker-compose.yml")) as? [String: Any])
        let all = try #require(compose["services"] as? [String: Any])
        let services = all.compactMapValues { $0 as? [String: Any] }
        // The single service stays outside the profile: `docker compose up` runs it as before.
        #expect(services["paragon-mcp"] != nil && services["paragon-mcp"]?["profiles"] == nil)
        let cluster = services.filter { ($0.value["profiles"] as? [String])?.contains("cluster") == true }
        let instances = cluster.filter { ($0.value["environment"] as? [String: Any])?["DATABASE_URL"] != nil }
        #expect(instances.count == 2, "instances with DATABASE_URL: \(instances.keys.sorted())")
        #expect(cluster.values.contains { ($0["image"] as? String)?.hasPrefix("postgres") == true }, "no PostgreSQL")
        let proxy = try #require(cluster.values.first { ($0["image"] as? String)?.hasPrefix("nginx") == true })
        // The proxy's configuration is the file it mounts (`./deploy/...:/etc/nginx/...`).
        let mount = try #require((proxy["volumes"] as? [String])?.first?.split(separator: ":").first)
        let configuration = try Self.read(String(mount))
        for name in instances.keys {
            #expect(configuration.contains("server \(name):3001"), "the proxy does not name \(name)")
        }
    }

    @Test func envExampleListsEveryVariableTheCodeReads() throws {
        let pattern = try Regex(
            #"(?:string|url|list|bool|integer|oneOf|enableProvider|nonEmpty)\("([A-Z][A-Z0-9_]+)"|environment\["([A-Z][A-Z0-9_]+)"\]|variable: "([A-Z][A-Z0-9_]+)""#
        )
        var read: Set<String> = []
        for folder in ["Sources", "Plugins"] {
            let enumerator = FileManager.default.enumerator(atPath: Self.root + "/" + folder)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOfFile: Self.root + "/\(folder)/" + file, encoding: .utf8)
                for match in text.matches(of: pattern) {
                    if let name = (match.output[1].substring ?? match.output[2].substring ?? match.output[3].substring)
                    {
                        read.insert(String(name))
                    }
                }
            }
        }
        #expect(read.count > 25, "the scan finds the variables: \(read.sorted())")
        let example = try Self.read(".env.example")
        let listed = Set(
            example.split(separator: "\n").compactMap { line -> String? in
                let entry = line.hasPrefix("# ") ? line.dropFirst(2) : line[...]
                guard let equals = entry.firstIndex(of: "="), entry.first?.isUppercase == true else { return nil }
                return String(entry[..<equals])
            })
        #expect(read.subtracting(listed).isEmpty, "missing from .env.example: \(read.subtracting(listed).sorted())")
    }
}
