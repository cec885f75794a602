import NIOCore

/// Tells the ``ConnectionWatcher`` when a client hangs up. The server allows half-closure, so
/// a closed client shows up as `inputClosed` while the connection stays open; without this
/// handler a call would run on for a client that is gone.
package final class DisconnectHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    package typealias InboundIn = Any

    package let watcher: ConnectionWatcher

    package init(watcher: ConnectionWatcher) {
        self.watcher = watcher
    }

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            watcher.disconnected(context.channel)
        }
        context.fireUserInboundEventTriggered(event)
    }
}
