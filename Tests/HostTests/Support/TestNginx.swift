import Foundation

/// nginx (from Debian; `.ci/run` installs it) as a reverse proxy in front of a test server,
/// mounting it under a path prefix, as operators do, or as a round-robin load balancer in front
/// of several.
struct TestNginx {
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// Runs nginx for `body`, proxying `prefix/` to `upstream`.
    static func with<R: Sendable>(
        prefix: String, upstream: String, _ body: @Sendable (TestNginx) async throws -> R
    ) async throws -> R {
        try await run(body) { port in
            """
            server {
                listen 127.0.0.1:\(port);
                location \(prefix)/ {
                    proxy_pass \(upstream)/;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_buffering off;
                    proxy_read_timeout 300s;
                }
            }
            """
        }
    }

    /// Runs nginx for `body`, passing each request to the next of `upstreams` (base URLs) in turn,
    /// with no sticky routing, as a load balancer in front of several instances. The client's
    /// `Host` goes on to the instance; each answer names the instance that served it in
    /// `X-Upstream` (`host:port`; two, comma-separated, when nginx tried one and moved on).
    static func with<R: Sendable>(
        roundRobin upstreams: [String], _ body: @Sendable (TestNginx) async throws -> R
    ) async throws -> R {
        let servers = upstreams.map { "server \($0.replacingOccurrences(of: "http://", with: ""));" }
        return try await run(body) { port in
            """
            upstream instances {
                \(servers.joined(separator: " "))
            }
            server {
                listen 127.0.0.1:\(port);
                location / {
                    proxy_pass http://instances;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_buffering off;
                    proxy_read_timeout 300s;
                    add_header X-Upstream $upstream_addr always;
                }
            }
            """
        }
    }

    /// Starts nginx on a free port with the `http` block's contents `servers` gives for that
    /// port, runs `body` once it listens, and stops it.
    private static func run<R: Sendable>(
        _ body: @Sendable (TestNginx) async throws -> R, servers: (Int) -> String
    ) async throws -> R {
        let port = try TestServer.freePort()
        let root = TestPaths.scratch("nginx-\(port)")
        let config = """
            worker_processes 1;
            pid \(root)/nginx.pid;
            error_log \(root)/error.log warn;
            \(geteuid() == 0 ? "user root;" : "")
            events { worker_connections 256; }
            http {
                access_log off;
            \(servers(port))
            }
            """
        try config.write(toFile: root + "/nginx.conf", atomically: true, encoding: .utf8)
        let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let nginx else { throw TestFailure("nginx is not installed (apt-get install nginx)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", root, "-c", root + "/nginx.conf", "-g", "daemon off;"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let proxy = TestNginx(port: port)
        guard try await eventually(within: .seconds(10), { (try? RawConnection(port: port)) != nil }) else {
            throw TestFailure("nginx did not start")
        }
        return try await body(proxy)
    }
}
