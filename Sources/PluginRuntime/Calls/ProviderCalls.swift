/// The calls of one provider instance, from their start to the provider's completion: a value
/// type that owns each call's deadline, the HTTP requests made on its behalf and its
/// exactly-once completion, and the instance's drain before `destroy()`. Like async-http-client's
/// `Transaction.StateMachine`, it does no I/O and reads no clock: each method returns what the
/// shell (``InstanceHost``) must do, so the ABI's rules are enforced, and tested, without I/O.
///
/// A call is *waiting* until the provider completes it, or until the host gives up on it
/// (deadline, cancellation): it is then *abandoned*, its requests are cancelled, and its late
/// completion is discarded quietly. A completion for an id that is neither (a second
/// completion, or a made-up id) is a contract violation the host logs and ignores
/// (paragon_mcp_plugin.h, OVERVIEW 3).
package struct ProviderCalls<Waiter> {
    package enum Entry {
        /// `deadline` is in nanoseconds of the monotonic clock.
        case waiting(Waiter, deadline: UInt64)
        case abandoned
    }

    /// What to do with a completion from the provider.
    package enum CompletionAction {
        /// Hand the outcome to the waiter; `drained` when it was the last call of a drain.
        case resume(Waiter, drained: Bool)
        /// The host stopped waiting already; drop the outcome.
        case discardLate
        /// Completed twice, or never started: log it, drop the outcome.
        case violation
    }

    /// What to do when the host stops waiting for a call.
    package struct Abandonment {
        /// The call's waiter: resume it with the reason, and tell the provider to cancel.
        package var waiter: Waiter
        /// HTTP requests the call made that are still in flight: cancel them.
        package var requests: [UInt64]
        /// It was the last waiting call of a drain: the instance may be destroyed.
        package var drained: Bool
    }

    /// What to do when the instance is to be destroyed.
    package enum DrainAction: Equatable {
        /// No call is waiting: destroy now.
        case destroyNow
        /// Calls are waiting: the last one's completion or abandonment says `drained`.
        case waitForLastCall
    }

    private var entries: [UInt64: Entry] = [:]
    /// HTTP requests in flight, by the call they were made for.
    private var requests: [UInt64: Set<UInt64>] = [:]
    private var draining = false

    /// Calls still waiting for their provider.
    package private(set) var waitingCount = 0

    /// Calls the host gave up on whose completion has not come yet.
    package var abandonedCount: Int { entries.count - waitingCount }

    package init() {}

    /// Registers call `id`, answered by `deadline` (monotonic nanoseconds). Ids are never reused.
    package mutating func start(_ id: UInt64, _ waiter: Waiter, deadline: UInt64) {
        precondition(entries[id] == nil, "call id \(id) reused")
        entries[id] = .waiting(waiter, deadline: deadline)
        waitingCount += 1
    }

    /// The waiter and deadline of a call still waiting, without changing anything.
    package func waiting(_ id: UInt64) -> (waiter: Waiter, deadline: UInt64)? {
        if case .waiting(let waiter, let deadline)? = entries[id] { return (waiter, deadline) }
        return nil
    }

    /// The provider completed call `id`.
    package mutating func complete(_ id: UInt64) -> CompletionAction {
        switch entries.removeValue(forKey: id) {
        case .waiting(let waiter, _)?:
            waitingCount -= 1
            requests[id] = nil
            return .resume(waiter, drained: draining && waitingCount == 0)
        case .abandoned?:
            return .discardLate
        case nil:
            return .violation
        }
    }

    /// Stops waiting for call `id` (deadline passed, or cancelled); nil when it was not waiting.
    package mutating func abandon(_ id: UInt64) -> Abandonment? {
        guard case .waiting(let waiter, _)? = entries[id] else { return nil }
        entries[id] = .abandoned
        waitingCount -= 1
        let inFlight = requests.removeValue(forKey: id).map { Array($0).sorted() } ?? []
        return Abandonment(waiter: waiter, requests: inFlight, drained: draining && waitingCount == 0)
    }

    /// The waiting calls whose deadline is at or before `now`, to abandon.
    package func overdue(now: UInt64) -> [UInt64] {
        entries.compactMap { id, entry in
            if case .waiting(_, let deadline) = entry, deadline <= now { return id }
            return nil
        }.sorted()
    }

    /// HTTP request `handle` started for call `id` (0: made outside any call). False when that
    /// call is no longer waiting: the request is of no use to anyone, cancel it.
    package mutating func requestStarted(_ handle: UInt64, call id: UInt64) -> Bool {
        guard id != 0 else { return true }
        guard case .waiting? = entries[id] else { return false }
        requests[id, default: []].insert(handle)
        return true
    }

    /// HTTP request `handle` of call `id` ended.
    package mutating func requestFinished(_ handle: UInt64, call id: UInt64) {
        guard id != 0, var handles = requests[id] else { return }
        handles.remove(handle)
        requests[id] = handles.isEmpty ? nil : handles
    }

    /// The instance is to be destroyed once no call waits for it (paragon_mcp_plugin.h:
    /// destroy() comes after every call has completed or been abandoned).
    package mutating func drain() -> DrainAction {
        draining = true
        return waitingCount == 0 ? .destroyNow : .waitForLastCall
    }
}
