import Logging
import MCPCore
import Observability
import PluginABI
import Synchronization

/// The host side of one provider instance: the host table handed to its create(), the
/// services behind it, and its calls (``ProviderCalls``), of which it is the shell.
///
/// The table is valid from create() until destroy() returns (paragon_mcp_plugin.h); this
/// object and its table are freed after destroy(), by ``release()``. When the provider left
/// abandoned calls uncompleted at destroy(), they are kept instead (logged): a late completion
/// must find a live table that ignores it.
package final class InstanceHost: Sendable {
    package struct CallWaiter {
        package var continuation: CheckedContinuation<ProviderOutcome, Never>
        package var requestID: String
        /// Tells the provider that the host stopped waiting.
        package var onCancel: @Sendable (UInt64) -> Void
    }

    private struct State {
        var calls = ProviderCalls<CallWaiter>()
        /// The drain before destroy(), waiting for the last call.
        var drained: CheckedContinuation<Void, Never>?
        /// The table has been freed (or kept for good); ``release()`` is done.
        var released = false
    }

    package let providerName: String
    package let logger: Logger
    package let http: HTTPPolicy
    package let metrics: ServerMetrics?
    /// What the instance shares with the server's other providers: outbound HTTP, deadlines, ids.
    package let runtime: ProviderRuntime
    private let state = Mutex(State())
    // Written once in init, read-only until release().
    private let tablePointer: TablePointer

    package var table: UnsafePointer<paragon_mcp_host> { UnsafePointer(tablePointer.pointer) }

    package init(
        providerName: String, configJSON: [UInt8], logger: Logger, http: HTTPPolicy, runtime: ProviderRuntime,
        metrics: ServerMetrics? = nil
    ) {
        self.providerName = providerName
        self.logger = logger
        self.http = http
        self.metrics = metrics
        self.runtime = runtime
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
    }

    /// Starts answering this instance's calls at their deadlines (after a successful create()).
    package func watchDeadlines() {
        runtime.deadlines.watch(self)
    }

    package static func from(_ table: UnsafePointer<paragon_mcp_host>?) -> InstanceHost? {
        guard let data = table?.pointee.host_data else { return nil }
        return Unmanaged<InstanceHost>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: Calls

    /// Registers a call with its deadline (monotonic nanoseconds), then lets `start` hand it to
    /// the provider. The calling task is the call's only task: cancelling it abandons the call.
    package func perform(
        deadlineNanoseconds: UInt64, requestID: String, onCancel: @escaping @Sendable (UInt64) -> Void,
        _ start: (UInt64) -> Void
    ) async -> ProviderOutcome {
        // A call cancelled already never reaches the provider.
        if Task.isCancelled { return .cancelled }
        let id = ProviderRuntime.nextCallID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let started = state.withLock { state in
                    state.calls.start(
                        id, CallWaiter(continuation: continuation, requestID: requestID, onCancel: onCancel),
                        deadline: deadlineNanoseconds)
                }
                guard started else {
                    continuation.resume(returning: .internalError("the provider instance was shut down"))
                    return
                }
                // Cancelled meanwhile (the handler may run before or after this point): the
                // abandonment has answered, and the provider never gets the call.
                guard state.withLock({ $0.calls.handOver(id) }) else { return }
                start(id)
            }
        } onCancel: {
            abandon(id, with: .cancelled)
        }
    }

    /// Answers the calls whose deadline has passed (see ``DeadlineSweeper``).
    package func expireOverdueCalls(now: UInt64) {
        let overdue = state.withLock { $0.calls.overdue(now: now) }
        for id in overdue { abandon(id, with: .timedOut) }
    }

    /// Stops waiting for a call: its waiter gets `outcome`, its HTTP requests and the provider
    /// are told to cancel. True when it was still waiting.
    @discardableResult
    package func abandon(_ id: UInt64, with outcome: ProviderOutcome) -> Bool {
        guard let abandoned = state.withLock({ $0.calls.abandon(id) }) else { return false }
        if outcome == .timedOut {
            logger.warning(
                "provider did not complete in time",
                metadata: ["call": "\(id)", "request": "\(abandoned.waiter.requestID)"])
        }
        // The provider and its requests are told before the waiter resumes, and the drain (which
        // lets destroy() run) waits until they have been: destroy never overlaps a cancel.
        runtime.http.cancel(abandoned.requests)
        if abandoned.handedOver { abandoned.waiter.onCancel(id) }
        abandoned.waiter.continuation.resume(returning: outcome)
        let drained = state.withLock { state in state.calls.abandonFinished(id) ? state.drained.take() : nil }
        drained?.resume()
        return true
    }

    /// The request id and deadline of a call still waiting, for requests made on its behalf.
    package func callInfo(_ id: UInt64) -> (requestID: String, deadlineNanoseconds: UInt64)? {
        state.withLock { $0.calls.waiting(id) }.map { ($0.waiter.requestID, $0.deadline) }
    }

    package func complete(_ id: UInt64, _ outcome: ProviderOutcome) {
        let (action, drained) = state.withLock { state in
            let action = state.calls.complete(id)
            if case .resume(_, drained: true) = action { return (action, state.drained.take()) }
            return (action, nil)
        }
        switch action {
        case .resume(let waiter, _):
            waiter.continuation.resume(returning: outcome)
        case .discardLate:
            logger.debug("late completion discarded", metadata: ["call": "\(id)"])
        case .violation:
            logger.error(
                "provider completed a call twice or completed an unknown call; ignored",
                metadata: ["call": "\(id)"])
        }
        drained?.resume()
    }

    /// An HTTP request of call `callID` started; false when that call is no longer waiting.
    package func requestStarted(_ handle: UInt64, call callID: UInt64) -> Bool {
        state.withLock { $0.calls.requestStarted(handle, call: callID) }
    }

    package func requestFinished(_ handle: UInt64, call callID: UInt64) {
        state.withLock { $0.calls.requestFinished(handle, call: callID) }
    }

    // MARK: Retirement

    /// Returns once no call waits for the instance (each waits at most its deadline), so that
    /// destroy() may follow.
    package func drain() async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                switch state.calls.drain() {
                case .destroyNow: return true
                case .waitForLastCall:
                    state.drained = continuation
                    return false
                }
            }
            if now { continuation.resume() }
        }
    }

    /// After destroy(): stops the deadline sweep for this instance and frees the table, unless
    /// the provider left abandoned calls uncompleted (then both are kept, so that their late
    /// completion finds a table that ignores it).
    package func release() {
        runtime.deadlines.unwatch(self)
        let (abandoned, again) = state.withLock { state in
            defer { state.released = true }
            return (state.calls.abandonedCount, state.released)
        }
        guard !again else { return }
        guard abandoned == 0 else {
            logger.warning(
                "provider destroyed with \(abandoned) abandoned call(s) not completed; keeping its host table")
            return
        }
        let table = tablePointer.pointer
        UnsafeMutableRawPointer(mutating: table.pointee.config_json)?.deallocate()
        let data = table.pointee.host_data
        table.pointee.host_data = nil
        table.deinitialize(count: 1)
        table.deallocate()
        if let data { Unmanaged<InstanceHost>.fromOpaque(data).release() }
    }
}

/// The host table's address; see InstanceHost.
private struct TablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<paragon_mcp_host>
}
