import ParagonModel
import ProviderKit

/// What a tool list says about an ActionKit action besides its schema: a title people read
/// ("Slack: Send Message") and the MCP tool annotations, derived from the verb in the action's
/// name (`SLACK_SEND_MESSAGE` → `SEND`). Every action acts on an external service, so all are
/// open-world; a verb the table does not know makes no read-only claim (the spec's defaults).
struct ActionHints: ToolAnnotationHints, Equatable, Sendable {
    var readOnly: Bool
    var destructive: Bool
    var idempotent: Bool
    var openWorld = true

    /// Verbs by what they do: reads, additions, overwrites, removals.
    static let verbs: [String: ActionHints] = {
        var table: [String: ActionHints] = [:]
        let read = ActionHints(readOnly: true, destructive: false, idempotent: true)
        let add = ActionHints(readOnly: false, destructive: false, idempotent: false)
        let overwrite = ActionHints(readOnly: false, destructive: true, idempotent: true)
        let remove = ActionHints(readOnly: false, destructive: true, idempotent: true)
        for verb in ["LIST", "GET", "SEARCH", "FIND", "READ"] { table[verb] = read }
        for verb in ["CREATE", "SEND", "POST", "ADD"] { table[verb] = add }
        for verb in ["UPDATE", "EDIT", "SET"] { table[verb] = overwrite }
        for verb in ["DELETE", "REMOVE", "ARCHIVE"] { table[verb] = remove }
        return table
    }()

    /// For a verb the table does not know: may write, may destroy, not idempotent.
    static let unknown = ActionHints(readOnly: false, destructive: true, idempotent: false)

    /// The hints for an action's verb (its first word after the integration's prefix).
    static func forVerb(_ verb: String?) -> ActionHints {
        verb.flatMap { verbs[$0.uppercased()] } ?? unknown
    }

    /// "Slack: Send Message": the integration spelled out, then the action's own words.
    static func title(action: String, integration: String) -> String {
        let words = actionWords(action, integration: integration).map(capitalized).joined(separator: " ")
        let name = IntegrationKey.spelledOut(integration)
        if words.isEmpty { return name }
        return name.isEmpty ? words : name + ": " + words
    }

    /// The words of the action's name after the integration's prefix (`GOOGLE_CALENDAR_` for
    /// `googleCalendar`, else the name's first word when it is the integration's first word).
    static func actionWords(_ action: String, integration: String) -> [String] {
        let words = action.split(separator: "_").map { String($0).uppercased() }
        let prefix = IntegrationKey.words(of: integration).map { $0.uppercased() }
        if !prefix.isEmpty, words.count > prefix.count, Array(words.prefix(prefix.count)) == prefix {
            return Array(words.dropFirst(prefix.count))
        }
        if let first = prefix.first, words.count > 1, words[0] == first {
            return Array(words.dropFirst())
        }
        return words
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }
}

extension ActionHints {
    /// The hints for an action of an integration.
    init(action: String, integration: String) {
        self = Self.forVerb(Self.actionWords(action, integration: integration).first)
    }
}
