import Foundation

/// PostgreSQL from Debian (`.ci/run` installs it) for cluster-mode tests: a server of its own
/// on a loopback port with a temporary data directory, trusting local connections, and a fresh
/// database for each test. As root, the server runs as the `postgres` user (initdb refuses
/// root).
struct TestPostgres: Sendable {
    let port: Int
    let root: String

    /// `postgres://postgres@127.0.0.1:port/database?sslmode=disable`.
    func url(_ database: String) -> String {
        "postgres://postgres@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// A new, empty database; its URL.
    func database() async throws -> String {
        let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try await psql("CREATE DATABASE \(name)")
        return url(name)
    }

    func psql(_ sql: String, database: String = "postgres") async throws {
        let result = try await Subprocess.runAsync(
            "/usr/bin/psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", database, "-c", sql])
        guard result.status == 0 else { throw TestFailure("psql \(sql): \(result.stderr)") }
    }

    /// Stops the server (immediate shutdown: connections are cut), as a store lost while running.
    func stop() async throws {
        _ = try await Self.asOwner(Self.binary("pg_ctl"), ["-D", root + "/data", "-m", "immediate", "-w", "stop"])
    }

    /// Starts the server again on the same port and data, in the background (pg_ctl without
    /// `-w`: its output and the server's go to files, never to a pipe the tests would wait on),
    /// then waits until it accepts connections.
    func start() async throws {
        let arguments = [
            try Self.binary("pg_ctl"), "-D", root + "/data", "-l", root + "/log", "-o",
            "-p \(port) -h 127.0.0.1 -k \(root)", "start",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: geteuid() == 0 ? "/usr/sbin/runuser" : arguments[0])
        process.arguments = geteuid() == 0 ? ["-u", "postgres", "--"] + arguments : Array(arguments.dropFirst())
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = try await eventually(within: .seconds(30)) {
            let probe = try? await Subprocess.runAsync(
                "/usr/bin/pg_isready", ["-h", "127.0.0.1", "-p", "\(port)", "-t", "1"])
            return probe?.status == 0
        }
        guard ready else {
            let log = (try? String(contentsOfFile: root + "/log", encoding: .utf8)) ?? ""
            throw TestFailure("PostgreSQL did not start: \(log)")
        }
    }

    /// Runs a server for `body`, stopped and removed after it.
    static func with<R: Sendable>(_ body: @Sendable (TestPostgres) async throws -> R) async throws -> R {
        let root = TestPaths.scratch("postgres")
        if geteuid() == 0 {
            _ = try await Subprocess.runAsync("/bin/chown", ["-R", "postgres:postgres", root])
            _ = try await Subprocess.runAsync("/bin/chmod", ["755", NSTemporaryDirectory() + "paragon-mcp-tests"])
        }
        let initialized = try await asOwner(
            try binary("initdb"), ["-D", root + "/data", "-A", "trust", "-U", "postgres", "--no-sync"])
        guard initialized.status == 0 else { throw TestFailure("initdb failed: \(initialized.stderr)") }
        let server = TestPostgres(port: try TestServer.freePort(), root: root)
        try await server.start()
        // Stopped and its data directory removed, whatever `body` did.
        func tearDown() async {
            try? await server.stop()
            try? FileManager.default.removeItem(atPath: root)
        }
        do {
            let result = try await body(server)
            await tearDown()
            return result
        } catch {
            await tearDown()
            throw error
        }
    }

    /// A program of Debian's PostgreSQL server package (`/usr/lib/postgresql/<version>/bin`).
    static func binary(_ name: String) throws -> String {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: >) {
            let path = "/usr/lib/postgresql/\(version)/bin/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw TestFailure("PostgreSQL's server is not installed (apt-get install postgresql)")
    }

    /// Runs `program` as the data directory's owner: `postgres` when the tests run as root.
    private static func asOwner(_ program: String, _ arguments: [String]) async throws -> Subprocess.Result {
        if geteuid() == 0 {
            return try await Subprocess.runAsync("/usr/sbin/runuser", ["-u", "postgres", "--", program] + arguments)
        }
        return try await Subprocess.runAsync(program, arguments)
    }
}
