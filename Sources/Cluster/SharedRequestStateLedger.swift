import Foundation
import MCPCore
import PostgresNIO
import Synchronization

/// The ``RequestStateLedger`` of cluster mode: spent nonces in PostgreSQL, so that a
/// `requestState` lets one completed call through across every instance (a replay presented to
/// another instance is refused). One round trip per consume or release; expired nonces are
/// deleted in the background at most once a minute per instance, five minutes after their
/// expiry (so an instance whose clock runs ahead deletes nothing another still honours).
package final class SharedRequestStateLedger: RequestStateLedger {
    private let store: ClusterStore
    private let lastPrune = Mutex<Int>(0)

    package init(store: ClusterStore) {
        self.store = store
    }

    package func consume(nonce: [UInt8], expiresAt: Int, now: Int) async throws -> Bool {
        guard expiresAt > now else { return false }
        pruneIfDue(now: now)
        let nonce = nonce.hexDigits
        return try await store.roundTrip("consume_request_state") { client in
            let rows = try await client.query(
                """
                INSERT INTO paragon_mcp_request_states (nonce, expires_at, spent) VALUES (\(nonce), \(expiresAt), true)
                ON CONFLICT (nonce) DO UPDATE SET spent = true WHERE paragon_mcp_request_states.spent = false
                RETURNING 1
                """)
            var consumed = false
            for try await _ in rows { consumed = true }
            return consumed
        }
    }

    /// Gives the state back, even when the request that asks is being cancelled (it is asked
    /// exactly then: the call did not complete).
    package func release(nonce: [UInt8]) async throws {
        let nonce = nonce.hexDigits, store = self.store
        try await Task.detached {
            _ = try await store.roundTrip("release_request_state") { client in
                try await client.query("UPDATE paragon_mcp_request_states SET spent = false WHERE nonce = \(nonce)")
            }
        }.value
    }

    private func pruneIfDue(now: Int) {
        let due = lastPrune.withLock { last in
            guard now - last >= 60 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let store = self.store, before = now - 300
        Task.detached {
            _ = try? await store.roundTrip("prune_request_states") { client in
                try await client.query("DELETE FROM paragon_mcp_request_states WHERE expires_at <= \(before)")
            }
        }
    }
}
