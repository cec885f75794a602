/// What an `Accept` header allows, with wildcards (`*/*`, `application/*`, `text/*`).
/// No header at all accepts anything, as HTTP says.
struct AcceptHeader: Sendable {
    let allowsJSON: Bool
    let allowsEventStream: Bool

    init(_ header: String?) {
        guard let header else {
            allowsJSON = true
            allowsEventStream = true
            return
        }
        let types = header.split(separator: ",").map { item in
            item.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() }
                ?? ""
        }
        allowsJSON = types.contains { $0 == "application/json" || $0 == "application/*" || $0 == "*/*" }
        allowsEventStream = types.contains { $0 == "text/event-stream" || $0 == "text/*" || $0 == "*/*" }
    }

    /// A POST must accept both a JSON answer and an event stream (the spec's rule).
    var allowsPOSTAnswers: Bool { allowsJSON && allowsEventStream }
}
