/// The calls of one provider instance that have not completed: a plain state machine, so the
/// exactly-once rules of the ABI are enforced (and tested) without any I/O.
///
/// A call is *waiting* until the provider completes it, or until the host gives up on it
/// (deadline, cancellation): it is then *abandoned* and its late completion is discarded
/// quietly. A completion for an id that is neither (a second completion, or a made-up id) is
/// a contract violation the host logs and ignores.
struct PendingCalls<Waiter> {
    enum Entry {
        case waiting(Waiter)
        case abandoned
    }

    /// What to do with a completion from the provider.
    enum CompletionAction {
        /// Hand the outcome to the waiter.
        case resume(Waiter)
        /// The host stopped waiting already; drop the outcome.
        case discardLate
        /// Completed twice, or never started: log it, drop the outcome.
        case violation
    }

    private var entries: [UInt64: Entry] = [:]

    /// Calls still waiting for their provider.
    private(set) var waitingCount = 0

    /// Calls the host gave up on whose completion has not come yet.
    var abandonedCount: Int { entries.count - waitingCount }

    mutating func register(_ id: UInt64, _ waiter: Waiter) {
        precondition(entries[id] == nil, "call id \(id) reused")
        entries[id] = .waiting(waiter)
        waitingCount += 1
    }

    /// The waiter of a call still waiting, without changing anything.
    func waiter(_ id: UInt64) -> Waiter? {
        if case .waiting(let waiter)? = entries[id] { return waiter }
        return nil
    }

    mutating func complete(_ id: UInt64) -> CompletionAction {
        switch entries.removeValue(forKey: id) {
        case .waiting(let waiter)?:
            waitingCount -= 1
            return .resume(waiter)
        case .abandoned?:
            return .discardLate
        case nil:
            return .violation
        }
    }

    /// The ids of waiting calls for which `isOverdue` holds.
    func waiting(where isOverdue: (Waiter) -> Bool) -> [UInt64] {
        entries.compactMap { id, entry in
            if case .waiting(let waiter) = entry, isOverdue(waiter) { return id }
            return nil
        }
    }

    /// Stops waiting for a call; returns its waiter if it was still waiting.
    mutating func abandon(_ id: UInt64) -> Waiter? {
        guard case .waiting(let waiter)? = entries[id] else { return nil }
        entries[id] = .abandoned
        waitingCount -= 1
        return waiter
    }
}
