import HTTPTypes
import Logging
import MCPCore
import NIOCore
import NIOHTTPTypes
import Observability
import Settings
import Synchronization

/// Guards the HTTP listener against clients that hold connections: at most
/// `server.max_connections` open at once (one more is closed as it arrives), and the waits of
/// ``ConnectionTimeouts`` on each. Refusals are counted (`connections_refused_total`) and
/// logged; timeouts are counted (`connections_timed_out_total{reason}`), a missing request head
/// or body logged as a warning (at most a line per reason every 10 s, with how many since), an
/// idle keep-alive connection closing, which is ordinary, at debug. The open connections are
/// the `connections_open` gauge.
///
/// Hummingbird's own `idleTimeout` is not used: it has one timeout for all three waits, lets a
/// body that trickles in keep a connection forever, and neither logs nor counts what it closes.
package final class ConnectionLimiter: Sendable {
    package let maxConnections: Int
    package let limits: ConnectionTimeouts.Limits
    package let logger: Logger
    package let metrics: ServerMetrics?
    private let open = Atomic<Int>(0)
    private let warnings: ThrottledLog

    package init(settings: ServerSettings, logger: Logger, metrics: ServerMetrics?) {
        self.maxConnections = settings.maxConnections
        self.limits = ConnectionTimeouts.Limits(
            headNanoseconds: UInt64(settings.requestHeadTimeoutMs) * 1_000_000,
            bodyNanoseconds: UInt64(settings.requestBodyTimeoutMs) * 1_000_000,
            keepAliveNanoseconds: UInt64(settings.keepAliveTimeoutMs) * 1_000_000)
        self.logger = logger
        self.metrics = metrics
        self.warnings = ThrottledLog(logger: logger)
    }

    /// A connection arrived; false when it is one too many.
    package func admit() -> Bool {
        let count = open.wrappingAdd(1, ordering: .relaxed).newValue
        guard count > maxConnections else {
            metrics?.connectionsOpen.set(Int64(count))
            return true
        }
        open.wrappingSubtract(1, ordering: .relaxed)
        metrics?.connectionRefused()
        warnings.warning(
            "max_connections", "connections refused: \(maxConnections) are open (server.max_connections)")
        return false
    }

    package func closed() {
        let count = open.wrappingSubtract(1, ordering: .relaxed).newValue
        metrics?.connectionsOpen.set(Int64(count))
    }

    package func timedOut(_ reason: ConnectionTimeouts.Reason) {
        metrics?.connectionTimedOut(reason: reason.rawValue)
        switch reason {
        case .head:
            warnings.warning(
                reason.rawValue, "connections closed: no complete request head in time (server.request_head_timeout_ms)"
            )
        case .body:
            warnings.warning(
                reason.rawValue,
                "connections closed: a request body did not arrive in time (server.request_body_timeout_ms)")
        case .keepAlive:
            logger.debug("closed an idle keep-alive connection (server.keep_alive_timeout_ms)")
        }
    }
}

/// The per-connection shell of ``ConnectionLimiter`` and ``ConnectionTimeouts``: sits after the
/// HTTP codec, sees request and response parts, owns the connection's one timer.
package final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    package typealias InboundIn = HTTPRequestPart
    package typealias InboundOut = HTTPRequestPart
    package typealias OutboundIn = HTTPResponsePart
    package typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter
    private var timeouts: ConnectionTimeouts?
    private var timer: Scheduled<Void>?
    private var armedAt: UInt64?
    private var admitted = false

    package init(limiter: ConnectionLimiter) {
        self.limiter = limiter
    }

    package func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    package func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    package func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = MonotonicClock.nowNanoseconds()
        switch unwrapInboundIn(data) {
        case .head: apply(timeouts?.headReceived(now: now), context)
        case .body: break
        case .end: apply(timeouts?.requestEnded(), context)
        }
        context.fireChannelRead(data)
    }

    package func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            apply(timeouts?.responseEnded(now: MonotonicClock.nowNanoseconds()), context)
        }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard timeouts == nil else { return }
        guard limiter.admit() else {
            context.close(promise: nil)
            return
        }
        admitted = true
        let state = ConnectionTimeouts(limits: limiter.limits, now: MonotonicClock.nowNanoseconds())
        timeouts = state
        apply(state.opened(), context)
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        armedAt = nil
        if admitted {
            admitted = false
            limiter.closed()
        }
    }

    private func apply(_ action: ConnectionTimeouts.Action?, _ context: ChannelHandlerContext) {
        switch action {
        case .arm(let due)?:
            // A timer already due no later fires first, and re-arms for what is due then: most
            // requests move no timer at all.
            if let armedAt, armedAt <= due { return }
            timer?.cancel()
            armedAt = due
            let delay = Int64(clamping: due &- MonotonicClock.nowNanoseconds())
            timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .nanoseconds(max(delay, 0))) {
                self.timer = nil
                self.armedAt = nil
                self.apply(self.timeouts?.timerFired(now: MonotonicClock.nowNanoseconds()), context)
            }
        case .disarm?:
            // A pending timer fires, finds no wait running, and stops.
            break
        case .close(let reason)?:
            stop()
            limiter.timedOut(reason)
            context.close(promise: nil)
        case nil:
            break
        }
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}
