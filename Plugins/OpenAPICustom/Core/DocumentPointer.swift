import ProviderKit

/// Places in an OpenAPI document: JSON pointers (RFC 6901, JSONCore's ``JSONPointer``) to
/// name them in diagnostics, and local references (`#/components/schemas/Pet`) to follow.
enum DocumentPointer {
    /// `base` with `tokens` appended, escaped.
    static func join(_ base: String, _ tokens: String...) -> String {
        tokens.reduce(base) { $0 + "/" + JSONPointer.escape($1) }
    }

    /// The value a local reference points at (percent-encoded or not), or nil for one that is
    /// not local (`other.yaml#/P`) or leads nowhere.
    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        return JSONPointer.resolve(JSONPointer.fromFragment(reference), in: document)
    }
}
