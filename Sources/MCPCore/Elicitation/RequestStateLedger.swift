/// Where the nonces of used request states are remembered, so that a `requestState` lets one
/// completed call through and no more (MCP 2026-07-28 §input_required: "requestState is
/// attacker input", and a captured one must not be replayed). ``ConsumedRequestStates`` keeps
/// them in memory, which makes "once" hold per instance only; a store shared by the instances
/// that share the signing key (PostgreSQL, later) makes it hold across them.
package protocol RequestStateLedger: Sendable {
    /// Records single-use state `nonce`, valid until `expiresAt`, as used at `now` (seconds since
    /// 1970): true the first time, false when it was used before (a replay) or has expired. A
    /// ledger needs to remember a nonce only until its `expiresAt`. A shared store may fail, hence
    /// `async throws`; the in-memory ledger does neither. Request states and setup completions
    /// go through it.
    func consume(nonce: [UInt8], expiresAt: Int, now: Int) async throws -> Bool

    /// Forgets that `nonce` was consumed: what it let through did not complete, so it may be
    /// used again.
    func release(nonce: [UInt8]) async throws
}

extension RequestStateLedger {
    /// Records `state` as used at `now`: false for a replay (answer
    /// ``RequestStateError/replayed``) or an expired state. Call it after
    /// ``RequestStateSeal/verify(_:userID:tool:arguments:now:)`` and before running the call, so
    /// two concurrent retries cannot both run.
    package func consume(_ state: RequestState, now: Int) async throws -> Bool {
        try await consume(nonce: state.nonce, expiresAt: state.expiresAt, now: now)
    }

    /// Forgets that `state` was consumed: the retry it let through did not complete the call
    /// (the account is still unconnected, or the user declined), so the client may retry again.
    package func release(_ state: RequestState) async throws {
        try await release(nonce: state.nonce)
    }
}
