import Foundation

/// nginx (from Debian; `.ci/run` installs it) as a reverse proxy in front of a test server,
/// mounting it under a path prefix, as operators do.
struct TestNginx {
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// Runs nginx for `body`, proxying `prefix/` to `upstream`.
    static func with<R: Sendable>(
        prefix: String, upstream: String, _ body: @Sendable (TestNginx) async throws -> R
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
