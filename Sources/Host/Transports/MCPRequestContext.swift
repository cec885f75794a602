import Hummingbird
import NIOCore

/// The request context of the HTTP front: Hummingbird's, plus the connection's channel so a
/// call can be cancelled when its client disconnects.
public struct MCPRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// JSON-RPC bodies are read by the transports themselves, up to their own limit.
    public var maxUploadSize: Int { HTTPLimits.maxBodyBytes }
}

enum HTTPLimits {
    /// A POST body larger than this gets 413, without being read in full.
    static let maxBodyBytes = 4 * 1024 * 1024
}
