import Synchronization

/// The in-memory ``RequestStateLedger``: the nonces of the states consumed on this instance,
/// each until its state expires. "Once" holds per instance only: another instance sharing the
/// signing key does not see these (a shared store replaces this one for that).
///
/// No timer: each `consume` first forgets the entries whose expiry has passed, soonest first
/// (a min-heap on `expiresAt`, so O(log n) per entry, each entry removed once). At most
/// ``capacity`` entries are kept (100 000 unless told): beyond it the soonest-expiring are
/// forgotten early, which lets a replay of one of them through in what is left of its
/// lifetime. That takes more completed retries than the capacity within one state lifetime,
/// and bounds the memory (about 100 bytes an entry) whatever the load.
package final class ConsumedRequestStates: RequestStateLedger {
    private struct Entry {
        var expiresAt: Int
        var nonce: [UInt8]
    }

    /// A remembered nonce: its state's expiry, and whether it is spent now (a released state
    /// stays remembered, unspent, so that a later consume neither adds an entry nor loses one).
    private struct Remembered {
        var expiresAt: Int
        var spent: Bool
    }

    private struct State {
        /// The remembered nonces.
        var expiries: [[UInt8]: Remembered] = [:]
        /// The same entries as a binary min-heap on `expiresAt`.
        var heap: [Entry] = []

        mutating func push(_ entry: Entry) {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].expiresAt < heap[parent].expiresAt else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }

        /// Removes the entry expiring soonest from the heap and the dictionary.
        mutating func popSoonest() {
            guard let soonest = heap.first else { return }
            expiries[soonest.nonce] = nil
            let last = heap.removeLast()
            guard !heap.isEmpty else { return }
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count, heap[left].expiresAt < heap[smallest].expiresAt { smallest = left }
                if right < heap.count, heap[right].expiresAt < heap[smallest].expiresAt { smallest = right }
                guard smallest != parent else { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }

    private let state = Mutex(State())
    /// The most entries kept.
    package let capacity: Int

    /// A ledger keeping at most `capacity` (at least 1) consumed states.
    package init(capacity: Int = 100_000) {
        precondition(capacity > 0, "a ledger keeps at least one state")
        self.capacity = capacity
    }

    /// Records `state` as used at `now` (seconds since 1970): true the first time; false when
    /// its nonce was consumed before and has not expired (a replay), or when the state itself
    /// has expired (`now >= expiresAt`; it is not recorded). Forgets expired entries first.
    package func consume(_ state: RequestState, now: Int) -> Bool {
        consume(nonce: state.nonce, expiresAt: state.expiresAt, now: now)
    }

    package func consume(nonce: [UInt8], expiresAt: Int, now: Int) -> Bool {
        self.state.withLock { ledger in
            while let soonest = ledger.heap.first, soonest.expiresAt <= now { ledger.popSoonest() }
            guard expiresAt > now else { return false }
            if let remembered = ledger.expiries[nonce] {
                guard !remembered.spent else { return false }
                ledger.expiries[nonce]?.spent = true
                return true
            }
            while ledger.heap.count >= capacity { ledger.popSoonest() }
            ledger.expiries[nonce] = Remembered(expiresAt: expiresAt, spent: true)
            ledger.push(Entry(expiresAt: expiresAt, nonce: nonce))
            return true
        }
    }

    /// Forgets that `state` was used: the retry it let through did not complete its call. The
    /// nonce stays remembered, unspent, until its expiry, so releasing and consuming again takes
    /// no more room.
    package func release(_ state: RequestState) {
        release(nonce: state.nonce)
    }

    package func release(nonce: [UInt8]) {
        self.state.withLock { $0.expiries[nonce]?.spent = false }
    }

    /// How many consumed states are remembered (as of the last `consume`).
    package var count: Int { state.withLock { $0.expiries.count } }
}
