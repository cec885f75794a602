import Logging
import NIOCore
import NIOPosix
import PluginABI
import Synchronization

/// The host side of one provider instance: the host table handed to its create(), the
/// services behind it, and the calls in flight.
///
/// The table and this object are never freed: a misbehaving provider may complete a call
/// after its instance was destroyed, and must then find a live table that logs and ignores it.
final class InstanceHost: Sendable {
    struct CallWaiter {
        var continuation: CheckedContinuation<ProviderOutcome, Never>
        var requestID: String
        var deadlineNanoseconds: UInt64
        /// Tells the provider (and the HTTP service) that the host stopped waiting.
        var onCancel: @Sendable (UInt64) -> Void
    }

    private struct State {
        var calls = PendingCalls<CallWaiter>()
    }

    let providerName: String
    let logger: Logger
    let http: HTTPPolicy
    let metrics: ServerMetrics?
    private let state = Mutex(State())
    // Written once in init, read-only afterwards, never freed (see above).
    private let tablePointer: TablePointer

    var table: UnsafePointer<paragon_mcp_host> { UnsafePointer(tablePointer.pointer) }

    init(providerName: String, configJSON: [UInt8], logger: Logger, http: HTTPPolicy, metrics: ServerMetrics? = nil) {
        self.providerName = providerName
        self.logger = logger
        self.http = http
        self.metrics = metrics
        let json = UnsafeMutablePointer<CChar>.allocate(capacity: max(configJSON.count, 1))
        configJSON.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(json).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        let table = UnsafeMutablePointer<paragon_mcp_host>.allocate(capacity: 1)
        table.initialize(
            to: paragon_mcp_host(
                struct_size: UInt32(MemoryLayout<paragon_mcp_host>.size),
                abi_version: paragon_mcp_version(
                    major: UInt32(PARAGON_MCP_ABI_MAJOR), minor: UInt32(PARAGON_MCP_ABI_MINOR)),
                host_data: nil, config_json: json, config_json_len: configJSON.count,
                log: InstanceHost.logEntry, complete: InstanceHost.completeEntry,
                get_service: InstanceHost.getServiceEntry, log_call: InstanceHost.logCallEntry,
                log_level: InstanceHost.logLevelEntry))
        self.tablePointer = TablePointer(pointer: table)
        table.pointee.host_data = Unmanaged.passRetained(self).toOpaque()
        DeadlineSweeper.shared.watch(self)
    }

    static func from(_ table: UnsafePointer<paragon_mcp_host>?) -> InstanceHost? {
        guard let data = table?.pointee.host_data else { return nil }
        return Unmanaged<InstanceHost>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: Calls

    /// Registers a call, arms its deadline, then lets `start` hand it to the provider.
    func perform(
        deadlineNanoseconds: UInt64, requestID: String, onCancel: @escaping @Sendable (UInt64) -> Void,
        _ start: (UInt64) -> Void
    ) async -> ProviderOutcome {
        let id = CallIDs.next()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                state.withLock { state in
                    state.calls.register(
                        id,
                        CallWaiter(
                            continuation: continuation, requestID: requestID,
                            deadlineNanoseconds: deadlineNanoseconds, onCancel: onCancel))
                }
                if Task.isCancelled {
                    abandon(id, with: .cancelled)
                    return
                }
                start(id)
            }
        } onCancel: {
            abandon(id, with: .cancelled)
        }
    }

    /// Answers the calls whose deadline has passed (see ``DeadlineSweeper``).
    func expireOverdueCalls(now: UInt64) {
        let overdue = state.withLock { $0.calls.waiting { $0.deadlineNanoseconds <= now } }
        for id in overdue { abandon(id, with: .timedOut) }
    }

    /// Stops waiting for a call; true when it was still waiting.
    @discardableResult
    func abandon(_ id: UInt64, with outcome: ProviderOutcome) -> Bool {
        guard let waiter = state.withLock({ $0.calls.abandon(id) }) else { return false }
        if outcome == .timedOut {
            logger.warning(
                "provider did not complete in time", metadata: ["call": "\(id)", "request": "\(waiter.requestID)"])
        }
        waiter.continuation.resume(returning: outcome)
        waiter.onCancel(id)
        return true
    }

    /// The request id and deadline of a call still waiting, for requests made on its behalf.
    func callInfo(_ id: UInt64) -> (requestID: String, deadlineNanoseconds: UInt64)? {
        state.withLock { $0.calls.waiter(id) }.map { ($0.requestID, $0.deadlineNanoseconds) }
    }

    /// Calls still waiting for the provider.
    var waitingCount: Int { state.withLock { $0.calls.waitingCount } }

    func complete(_ id: UInt64, _ outcome: ProviderOutcome) {
        let action = state.withLock { $0.calls.complete(id) }
        switch action {
        case .resume(let waiter):
            waiter.continuation.resume(returning: outcome)
        case .discardLate:
            logger.debug("late completion discarded", metadata: ["call": "\(id)"])
        case .violation:
            logger.error(
                "provider completed a call twice or completed an unknown call; ignored",
                metadata: ["call": "\(id)"])
        }
    }
}

/// The host table's address; see InstanceHost.
private struct TablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<paragon_mcp_host>
}
