import Hummingbird
import MCPCore
import NIOCore
import Settings

/// The request context of the MCP routes: ``MCPRequestContext``'s, plus the ``Principal``
/// ``AdmissionMiddleware`` admitted. Made by the router group those routes are registered on
/// (Hummingbird's `ChildRequestContext`), after the middleware ran.
package struct AdmittedMCPContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let channel: any Channel
    package let principal: Principal
    /// The tool mode the request's URL asks for (`?tools=search`); nil: the configured one.
    package let toolMode: ToolMode?

    /// Fails with 500 when no principal was admitted: a route registered outside the group of
    /// ``AdmissionMiddleware``.
    package init(context: MCPRequestContext) throws(HTTPRejection) {
        guard let principal = context.principal else { throw HTTPRejection(response: HTTPReplies.internalError()) }
        self.coreContext = context.coreContext
        self.channel = context.channel
        self.principal = principal
        self.toolMode = context.toolMode
    }

    /// JSON-RPC bodies are read by the transports themselves, up to their own limit.
    package var maxUploadSize: Int { HTTPLimits.maxBodyBytes }
}
