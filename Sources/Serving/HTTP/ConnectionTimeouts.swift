/// When an HTTP connection is closed for keeping the server waiting, as a plain state machine
/// over a monotonic clock in nanoseconds (the shell, ``ConnectionGuard``, owns the one timer).
///
/// A slow or silent client holds a connection, and with enough of them the process runs out of
/// file descriptors (slowloris). So a connection must deliver:
/// - its first request head within `head` of connecting;
/// - each request body within `body` of its head;
/// - its next request head within `keepAlive` of the last response's end.
///
/// While a response is being written, no timer runs: a server-to-client event stream may last
/// for hours, and a slow tool call is the server's own wait.
package struct ConnectionTimeouts: Sendable, Equatable {
    package struct Limits: Sendable, Equatable {
        package var headNanoseconds: UInt64
        package var bodyNanoseconds: UInt64
        package var keepAliveNanoseconds: UInt64
    }

    /// Which wait ran out.
    package enum Reason: String, Sendable, Equatable {
        case head = "request_head"
        case body = "request_body"
        case keepAlive = "keep_alive"
    }

    package enum Action: Sendable, Equatable {
        /// Arm (or move) the timer to fire at this time.
        case arm(atNanoseconds: UInt64)
        /// No wait runs now.
        case disarm
        case close(Reason)
    }

    package let limits: Limits
    /// Request heads seen, and requests whose body is still being read.
    private var requests = 0
    private var readingSince: UInt64?
    /// Responses begun and not yet ended.
    private var responding = 0
    /// When the connection began waiting for a request head.
    private var idleSince: UInt64

    package init(limits: Limits, now: UInt64) {
        self.limits = limits
        self.idleSince = now
    }

    /// The wait running now and when it ends; nil while responding.
    package var deadline: (at: UInt64, reason: Reason)? {
        if let readingSince { return (Self.adding(readingSince, limits.bodyNanoseconds), .body) }
        guard responding == 0 else { return nil }
        return requests == 0
            ? (Self.adding(idleSince, limits.headNanoseconds), .head)
            : (Self.adding(idleSince, limits.keepAliveNanoseconds), .keepAlive)
    }

    /// The connection opened: the first head is due.
    package func opened() -> Action { rearm() }

    package mutating func headReceived(now: UInt64) -> Action {
        requests += 1
        readingSince = now
        responding += 1
        return rearm()
    }

    package mutating func requestEnded() -> Action {
        readingSince = nil
        return rearm()
    }

    package mutating func responseEnded(now: UInt64) -> Action {
        responding = max(responding - 1, 0)
        if responding == 0 { idleSince = now }
        return rearm()
    }

    /// The timer fired: closes the connection when its wait ran out, else re-arms.
    package func timerFired(now: UInt64) -> Action {
        guard let (due, reason) = deadline else { return .disarm }
        return now >= due ? .close(reason) : .arm(atNanoseconds: due)
    }

    private func rearm() -> Action {
        deadline.map { .arm(atNanoseconds: $0.at) } ?? .disarm
    }

    private static func adding(_ time: UInt64, _ duration: UInt64) -> UInt64 {
        let (sum, overflow) = time.addingReportingOverflow(duration)
        return overflow ? .max : sum
    }
}
