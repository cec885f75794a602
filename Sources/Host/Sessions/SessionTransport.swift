/// How a session's client reaches the server.
public enum SessionTransport: String, Sendable {
    case streamableHTTP = "streamable-http"
    case legacySSE = "sse"
    case stdio
}
