import AsyncHTTPClient
import NIOCore
import Observability
import Synchronization

/// What the provider instances of one server share, owned by the application and injected
/// into the loader: the outbound HTTP service, the deadline sweeper, the call ids. Two servers
/// in one process have two runtimes and share nothing. ``shutdown()`` after the last instance
/// is destroyed.
package final class ProviderRuntime: Sendable {
    package let http: HTTPService
    package let deadlines: DeadlineSweeper
    /// Where the providers' reported problems go (`check`); nil when nobody collects them.
    package let diagnostics: Diagnostics?

    /// A runtime on `eventLoopGroup` (by default AsyncHTTPClient's shared group, a documented
    /// library singleton).
    package init(
        eventLoopGroup: any EventLoopGroup = HTTPClient.defaultEventLoopGroup, diagnostics: Diagnostics? = nil
    ) {
        self.diagnostics = diagnostics
        self.http = HTTPService(eventLoopGroup: eventLoopGroup)
        self.deadlines = DeadlineSweeper(loop: eventLoopGroup.any())
    }

    /// The call ids of the process. The one mutable static of the host, and on purpose: the ABI
    /// promises providers that a call id is never 0 and never reused within the process
    /// (paragon_mcp_plugin.h, `call_id`), and two runtimes may share one provider image.
    private static let callIDs = Atomic<UInt64>(0)

    /// A call id: never 0, never reused within the process.
    package static func nextCallID() -> UInt64 {
        callIDs.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Stops the deadline sweep and shuts the HTTP client down.
    package func shutdown() async {
        deadlines.shutdown()
        try? await http.shutdown()
    }
}
