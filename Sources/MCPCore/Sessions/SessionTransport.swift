/// How a session's client reaches the server.
package enum SessionTransport: String, Sendable {
    case streamableHTTP = "streamable-http"
    case legacySSE = "sse"
    case stdio
}
