/// The server's version, reported as MCP serverInfo and by `--version`.
public enum HostVersion {
    public static let current = "0.1.0"
}
