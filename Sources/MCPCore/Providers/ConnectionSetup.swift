/// What a tool call that needs an account connected adds to its answer: the integration's
/// display name and a link to the setup page where the user connects it. The server's comes
/// from its setup links and Paragon's integration list (``Serving``); tests may offer none.
package protocol ConnectionSetup: Sendable {
    /// How long a setup link stays valid, in seconds.
    var linkLifetimeSeconds: Int { get }

    /// A signed setup link for `userID` to connect `integration` (a Paragon integration key);
    /// `elicitationID`, when given, is the 2025-11-25 URL elicitation the link completes (the
    /// setup page's success sends `notifications/elicitation/complete` with it). Throws when
    /// the link cannot be signed.
    func link(userID: String, integration: String, elicitationID: String?) async throws -> String

    /// The integration's display name for texts ("Google Calendar"), asked with the user's
    /// token; a name made from the key when Paragon does not say.
    func displayName(of integration: String, token: String) async -> String

    /// The keys of the integrations `userID` has connected, asked with their token; nil when
    /// Paragon does not say (then no answer claims either way).
    func connectedIntegrations(userID: String, token: String) async -> Set<String>?
}

extension ConnectionSetup {
    /// Unknown, unless the setup says.
    package func connectedIntegrations(userID: String, token: String) async -> Set<String>? { nil }
}
