import Hummingbird
import MCPCore
import NIOCore
import Settings

/// The request context of the HTTP front: Hummingbird's, plus the connection's channel so a
/// call can be cancelled when its client disconnects.
package struct MCPRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    package let channel: any Channel
    /// Who made the request, once ``AdmissionMiddleware`` admitted it; nil before, and on the
    /// routes outside admission (setup pages, operations).
    package var principal: Principal?
    /// The tool mode the request's URL asks for (`?tools=search`), read at admission.
    package var toolMode: ToolMode?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }

    /// JSON-RPC bodies are read by the transports themselves, up to their own limit.
    package var maxUploadSize: Int { HTTPLimits.maxBodyBytes }
}

package enum HTTPLimits {
    /// A POST body larger than this gets 413, without being read in full.
    package static let maxBodyBytes = 4 * 1024 * 1024
}
