import Foundation
import JSONCore

/// Calls that wait for the user to connect an account, resumed by a 2026-07-28 retry (MCP
/// 2026-07-28, multi-round-trip requests): ``issue(userID:tool:arguments:integration:)`` seals
/// the `requestState` of an `input_required` answer; ``resume(_:userID:tool:arguments:)``
/// checks the state a retry carries and spends it, so that it lets one completed call through;
/// ``release(_:)`` gives it back when the retry found the account still unconnected.
package struct ResumableCalls: Sendable {
    /// The key of the connect request in `inputRequests` and `inputResponses`.
    package static let inputKey = "connect"

    /// Seals and opens states with the key derived from the signing key.
    package let seal: RequestStateSeal
    /// Where spent states are remembered until they expire.
    package let ledger: any RequestStateLedger
    /// How long a state stays usable, in seconds.
    package let lifetimeSeconds: Int
    /// The wall clock, in whole seconds since 1970 (states outlive processes and instances).
    package let now: @Sendable () -> Int

    /// Resumable calls whose states live `lifetimeSeconds`; `now` is injectable for tests.
    package init(
        seal: RequestStateSeal, ledger: any RequestStateLedger, lifetimeSeconds: Int,
        now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    ) {
        self.seal = seal
        self.ledger = ledger
        self.lifetimeSeconds = lifetimeSeconds
        self.now = now
    }

    /// A state a retry carried, opened and spent.
    package struct Resumed: Sendable {
        /// As the client sent it (sent back unchanged while the account is still unconnected).
        package var text: String
        /// What it says, checked.
        package var state: RequestState
    }

    /// A new state for `userID`'s call of `tool` with `arguments`, waiting for `integration`.
    package func issue(userID: String, tool: String, arguments: JSONValue, integration: String) -> String {
        seal.seal(
            RequestState(
                userID: userID, tool: tool, arguments: arguments, integration: integration,
                expiresAt: now() + lifetimeSeconds))
    }

    /// The state `text`, when it is a valid, unspent one of `userID`'s for this call; spent now.
    /// - Throws: ``RequestStateError``; `.replayed` when it was spent already, `.ledgerUnavailable`
    ///   when the ledger could not be asked (the call is then refused rather than run twice).
    package func resume(_ text: String, userID: String, tool: String, arguments: JSONValue)
        async throws(RequestStateError) -> Resumed
    {
        let at = now()
        let state = try seal.verify(text, userID: userID, tool: tool, arguments: arguments, now: at)
        let fresh: Bool
        do {
            fresh = try await ledger.consume(state, now: at)
        } catch {
            throw .ledgerUnavailable
        }
        guard fresh else { throw .replayed }
        return Resumed(text: text, state: state)
    }

    /// Gives a spent state back: the retry did not complete the call (the account is still
    /// unconnected, or the user declined).
    package func release(_ resumed: Resumed) async {
        try? await ledger.release(resumed.state)
    }
}
