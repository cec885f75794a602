import HTTPTypes
import Hummingbird
import NIOCore

/// A Server-Sent Events response body fed by a session's outbound stream, with keep-alive
/// comments so proxies do not cut an idle stream (and so a vanished client is noticed).
package enum SSEBody {
    package static let headers: HTTPFields = [
        .contentType: "text/event-stream", .cacheControl: "no-cache", .init("X-Accel-Buffering")!: "no",
    ]

    /// One `event: message` frame.
    package static func messageEvent(_ json: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("event: message\ndata: ")
        buffer.writeBytes(json)
        buffer.writeString("\n\n")
        return buffer
    }

    package static func event(_ name: String, data: String) -> ByteBuffer {
        ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n")
    }

    /// Streams `first` (if any), then every message of `stream` until it ends or the client
    /// goes away; `onEnd` runs once either way. Every `keepAlive`, `ping` must put an empty
    /// message into the stream, which goes out as a comment.
    package static func body(
        first: ByteBuffer?, stream: AsyncStream<[UInt8]>, keepAlive: Duration,
        ping: @escaping @Sendable () -> Void, onEnd: @escaping @Sendable () -> Void
    ) -> ResponseBody {
        ResponseBody { writer in
            let pinger = Task {
                // Wakes the writer with an empty message, written as a comment.
                while !Task.isCancelled {
                    try? await Task.sleep(for: keepAlive)
                    if Task.isCancelled { break }
                    ping()
                }
            }
            defer {
                pinger.cancel()
                onEnd()
            }
            if let first { try await writer.write(first) }
            for await message in stream {
                if message.isEmpty {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                } else {
                    try await writer.write(messageEvent(message))
                }
            }
            try await writer.finish(nil)
        }
    }
}
