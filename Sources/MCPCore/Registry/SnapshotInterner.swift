import Crypto
import Synchronization

/// Tool lists that come out the same for many users are kept once. Most users of a project see
/// the same catalog (ActionKit lists the project's actions whoever asks), so a server with
/// thousands of users holds a handful of snapshots, not thousands, and parses each catalog once.
/// Lists are told apart by a SHA-256 of what the providers answered.
package final class SnapshotInterner: Sendable {
    private struct Entry {
        var snapshot: ToolSnapshot
        var lastUse: UInt64
    }

    private struct State {
        var entries: [SHA256Digest: Entry] = [:]
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Distinct lists kept; the least recently used goes first.
    private let capacity: Int

    package init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// The key of the providers' answers, in provider order, and of the providers that failed.
    package static func key(_ lists: [(provider: String, bytes: [UInt8])], failed: [String] = []) -> SHA256Digest {
        var hasher = SHA256()
        for (provider, bytes) in lists {
            hasher.update(data: Array(provider.utf8) + [0])
            hasher.update(data: withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { Array($0) })
            hasher.update(data: bytes)
        }
        for provider in failed { hasher.update(data: [1] + Array(provider.utf8) + [0]) }
        return hasher.finalize()
    }

    /// The snapshot kept for `key`, or the one `make` builds (then kept).
    package func snapshot(
        for key: SHA256Digest, make: () throws(RegistryError) -> ToolSnapshot
    ) throws(RegistryError) -> ToolSnapshot {
        let found = state.withLock { state -> ToolSnapshot? in
            state.clock += 1
            guard var entry = state.entries[key] else { return nil }
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.snapshot
        }
        if let found { return found }
        let made = try make()
        return state.withLock { state in
            if let raced = state.entries[key] { return raced.snapshot }
            if state.entries.count >= capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key
            {
                state.entries[oldest] = nil
            }
            state.entries[key] = Entry(snapshot: made, lastUse: state.clock)
            return made
        }
    }
}
