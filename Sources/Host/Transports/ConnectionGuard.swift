import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
import Synchronization

/// Guards the HTTP listener against clients that hold connections: at most
/// `server.max_connections` open at once (a connection beyond that is closed as it arrives), and
/// the waits of ``ConnectionTimeouts`` on each. Each trip is counted
/// (`paragon_mcp_connections_refused_total{reason}`) and logged, at most one line per reason
/// every 10 seconds with how many tripped since, so that an attack does not flood the log.
final class ConnectionLimiter: Sendable {
    let maxConnections: Int
    let limits: ConnectionTimeouts.Limits
    let logger: Logger
    let metrics: ServerMetrics?
    private let open = Atomic<Int>(0)
    private let trips = Mutex<[String: (count: Int, lastLog: UInt64)]>([:])
    private static let logInterval: UInt64 = 10_000_000_000

    init(settings: ServerSettings, logger: Logger, metrics: ServerMetrics?) {
        self.maxConnections = settings.maxConnections
        self.limits = ConnectionTimeouts.Limits(
            headNanoseconds: UInt64(settings.requestHeadTimeoutMs) * 1_000_000,
            bodyNanoseconds: UInt64(settings.requestBodyTimeoutMs) * 1_000_000,
            keepAliveNanoseconds: UInt64(settings.keepAliveTimeoutMs) * 1_000_000)
        self.logger = logger
        self.metrics = metrics
    }

    var openConnections: Int { open.load(ordering: .relaxed) }

    /// A connection arrived; false when it is one too many.
    func admit() -> Bool {
        let count = open.wrappingAdd(1, ordering: .relaxed).newValue
        guard count > maxConnections else { return true }
        open.wrappingSubtract(1, ordering: .relaxed)
        tripped("max_connections", "connections refused: \(maxConnections) are open (server.max_connections)")
        return false
    }

    func closed() {
        open.wrappingSubtract(1, ordering: .relaxed)
    }

    func timedOut(_ reason: ConnectionTimeouts.Reason) {
        let message =
            switch reason {
            case .head: "connections closed: no complete request head in time (server.request_head_timeout_ms)"
            case .body: "connections closed: a request body did not arrive in time (server.request_body_timeout_ms)"
            case .keepAlive: "idle keep-alive connections closed (server.keep_alive_timeout_ms)"
            }
        tripped(reason.rawValue, message)
    }

    private func tripped(_ reason: String, _ message: String) {
        metrics?.connectionRefused(reason: reason)
        let now = MonotonicClock.nowNanoseconds()
        let count = trips.withLock { trips -> Int? in
            var entry = trips[reason] ?? (0, 0)
            entry.count += 1
            defer { trips[reason] = entry }
            guard entry.lastLog == 0 || now &- entry.lastLog >= Self.logInterval else { return nil }
            defer { entry = (0, now) }
            return entry.count
        }
        if let count { logger.warning("\(message)", metadata: ["count": "\(count)"]) }
    }
}

/// The per-connection shell of ``ConnectionLimiter`` and ``ConnectionTimeouts``: sits after the
/// HTTP codec, sees request and response parts, owns the connection's one timer.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter
    private var timeouts: ConnectionTimeouts?
    private var timer: Scheduled<Void>?
    private var armedAt: UInt64?
    private var admitted = false

    init(limiter: ConnectionLimiter) {
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = MonotonicClock.nowNanoseconds()
        switch unwrapInboundIn(data) {
        case .head: apply(timeouts?.headReceived(now: now), context)
        case .body: break
        case .end: apply(timeouts?.requestEnded(), context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
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
            guard armedAt != due else { return }
            timer?.cancel()
            armedAt = due
            let delay = Int64(clamping: due &- MonotonicClock.nowNanoseconds())
            timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .nanoseconds(max(delay, 0))) {
                self.timer = nil
                self.armedAt = nil
                self.apply(self.timeouts?.timerFired(now: MonotonicClock.nowNanoseconds()), context)
            }
        case .disarm?:
            timer?.cancel()
            timer = nil
            armedAt = nil
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
