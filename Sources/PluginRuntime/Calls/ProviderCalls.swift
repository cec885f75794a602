/// The calls of one provider instance, from their start to the provider's completion: a value
/// type that owns each call's deadline, the HTTP requests made on its behalf and its
/// exactly-once completion, and the instance's drain before `destroy()`. Like async-http-client's
/// `Transaction.StateMachine`, it does no I/O and reads no clock: each method returns what the
/// shell (``InstanceHost``) must do, so the ABI's rules are enforced, and tested, without I/O.
///
/// A call is *waiting* from ``start(_:_:deadline:)``; it is *handed over* once the provider has
/// been given it (``handOver(_:)``). It waits until the provider completes it, or until the host
/// gives up on it (deadline, cancellation): it is then *abandoned*, its requests are cancelled,
/// and its late completion is discarded quietly. A call abandoned before it was handed over is
/// forgotten at once: no completion will come. A completion for an id that is neither (a second
/// completion, or a made-up id) is a contract violation the host logs and ignores
/// (paragon_mcp_plugin.h, OVERVIEW 3).
///
/// The drain before `destroy()` (paragon_mcp_plugin.h: destroy comes after every call has
/// completed or been abandoned, and never during another call on the instance) ends when no
/// call waits and no abandonment is still telling the provider to cancel; it is signalled once.
package struct ProviderCalls<Waiter> {
    package enum Entry {
        /// `deadline` is in nanoseconds of the monotonic clock.
        case waiting(Waiter, deadline: UInt64, handedOver: Bool)
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

    /// What to do when the host stops waiting for a call; then report ``abandonFinished(_:)``.
    package struct Abandonment {
        /// The call's waiter: resume it with the reason.
        package var waiter: Waiter
        /// HTTP requests the call made that are still in flight: cancel them.
        package var requests: [UInt64]
        /// Whether the provider has the call: only then is it told to cancel.
        package var handedOver: Bool
    }

    /// What to do when the instance is to be destroyed.
    package enum DrainAction: Equatable {
        /// No call is waiting: destroy now.
        case destroyNow
        /// Calls are waiting: the completion or abandonment that ends the last one says `drained`.
        case waitForLastCall
    }

    private var entries: [UInt64: Entry] = [:]
    /// HTTP requests in flight, by the call they were made for.
    private var requests: [UInt64: Set<UInt64>] = [:]
    /// Abandonments whose shell is still cancelling (it may still touch the instance).
    private var abandoning: Set<UInt64> = []
    private var draining = false

    /// Calls still waiting for their provider.
    package private(set) var waitingCount = 0

    /// Calls the host gave up on whose completion has not come yet.
    package var abandonedCount: Int { entries.count - waitingCount }

    package init() {}

    private var drained: Bool { draining && waitingCount == 0 && abandoning.isEmpty }

    /// Registers call `id`, answered by `deadline` (monotonic nanoseconds); false, registering
    /// nothing, once the instance drains (the call must not reach a provider being destroyed).
    /// Ids are never reused.
    package mutating func start(_ id: UInt64, _ waiter: Waiter, deadline: UInt64) -> Bool {
        precondition(entries[id] == nil, "call id \(id) reused")
        guard !draining else { return false }
        entries[id] = .waiting(waiter, deadline: deadline, handedOver: false)
        waitingCount += 1
        return true
    }

    /// The call is about to be given to the provider; false when it was abandoned meanwhile (do
    /// not give it).
    package mutating func handOver(_ id: UInt64) -> Bool {
        guard case .waiting(let waiter, let deadline, _)? = entries[id] else { return false }
        entries[id] = .waiting(waiter, deadline: deadline, handedOver: true)
        return true
    }

    /// The waiter and deadline of a call still waiting, without changing anything.
    package func waiting(_ id: UInt64) -> (waiter: Waiter, deadline: UInt64)? {
        if case .waiting(let waiter, let deadline, _)? = entries[id] { return (waiter, deadline) }
        return nil
    }

    /// The provider completed call `id`.
    package mutating func complete(_ id: UInt64) -> CompletionAction {
        switch entries.removeValue(forKey: id) {
        case .waiting(let waiter, _, _)?:
            waitingCount -= 1
            requests[id] = nil
            return .resume(waiter, drained: drained)
        case .abandoned?:
            return .discardLate
        case nil:
            return .violation
        }
    }

    /// Stops waiting for call `id` (deadline passed, or cancelled); nil when it was not waiting.
    /// The shell resumes the waiter, cancels, then reports ``abandonFinished(_:)``.
    package mutating func abandon(_ id: UInt64) -> Abandonment? {
        guard case .waiting(let waiter, _, let handedOver)? = entries[id] else { return nil }
        // Never handed over: no completion will come, nothing is kept.
        entries[id] = handedOver ? .abandoned : nil
        waitingCount -= 1
        abandoning.insert(id)
        let inFlight = requests.removeValue(forKey: id).map { Array($0).sorted() } ?? []
        return Abandonment(waiter: waiter, requests: inFlight, handedOver: handedOver)
    }

    /// The shell has finished abandoning call `id`; true when that ended a drain.
    package mutating func abandonFinished(_ id: UInt64) -> Bool {
        guard abandoning.remove(id) != nil else { return false }
        return drained
    }

    /// The waiting calls whose deadline is at or before `now`, to abandon.
    package func overdue(now: UInt64) -> [UInt64] {
        entries.compactMap { id, entry in
            if case .waiting(_, let deadline, _) = entry, deadline <= now { return id }
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

    /// The instance is to be destroyed once no call waits for it. Called once.
    package mutating func drain() -> DrainAction {
        precondition(!draining, "an instance is drained once")
        draining = true
        return drained ? .destroyNow : .waitForLastCall
    }
}
