import Hummingbird
import NIOCore

/// Hummingbird's request context plus the connection, so a fault can reset it.
public struct SandboxRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    public var maxUploadSize: Int { 8 * 1024 * 1024 }
}
