/// How Paragon's integrations are named where tools, spec files and Proxy API paths name them:
/// shared by the host and the providers, so both derive the same key from Zeus's integration
/// list. Depends on nothing.
public enum IntegrationKey {
    /// The key of an integration of Zeus's list: the type for a built-in integration (`slack`,
    /// `googleCalendar`); for a custom one (a non-null `customIntegrationId`), `custom.` plus its
    /// name lower-cased without white space (`custom.spotify`).
    public static func of(type: String, customName: String?) -> String {
        guard let customName else { return type }
        return "custom." + customName.lowercased().filter { !$0.isWhitespace }
    }
}
