/// The server's version, reported as MCP serverInfo and by `--version`.
package enum HostVersion {
    package static let current = "0.1.0"
}
