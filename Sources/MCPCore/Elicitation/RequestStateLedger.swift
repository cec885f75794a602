/// Where the nonces of used request states are remembered, so that a `requestState` lets one
/// completed call through and no more (MCP 2026-07-28 §input_required: "requestState is
/// attacker input", and a captured one must not be replayed). ``ConsumedRequestStates`` keeps
/// them in memory, which makes "once" hold per instance only; a store shared by the instances
/// that share the signing key (PostgreSQL, later) makes it hold across them.
package protocol RequestStateLedger: Sendable {
    /// Records `state` as used at `now` (seconds since 1970): true the first time, false when it
    /// was used before (a replay; answer ``RequestStateError/replayed``) or has expired. Call it
    /// after ``RequestStateSeal/verify(_:userID:tool:arguments:now:)`` and before running the
    /// call, so two concurrent retries cannot both run. A ledger needs to remember a state only
    /// until its `expiresAt`: from then on `verify` refuses it as expired. A shared store may
    /// fail, hence `async throws`; the in-memory ledger does neither.
    func consume(_ state: RequestState, now: Int) async throws -> Bool

    /// Forgets that `state` was consumed: the retry it let through did not complete the call
    /// (the account is still unconnected, or the user declined), so the client may retry again.
    func release(_ state: RequestState) async throws
}
