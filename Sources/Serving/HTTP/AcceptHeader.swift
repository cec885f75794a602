/// What an `Accept` header allows, with wildcards (`*/*`, `application/*`, `text/*`).
/// No header at all accepts anything, as HTTP says. Read byte by byte: it is on every request.
package struct AcceptHeader: Sendable {
    package let allowsJSON: Bool
    package let allowsEventStream: Bool

    package init(_ header: String?) {
        guard let header else {
            allowsJSON = true
            allowsEventStream = true
            return
        }
        var json = false, eventStream = false
        for item in header.utf8.split(separator: UInt8(ascii: ",")) {
            var type = item.prefix { $0 != UInt8(ascii: ";") }
            while let first = type.first, first == 0x20 || first == 0x09 { type = type.dropFirst() }
            while let last = type.last, last == 0x20 || last == 0x09 { type = type.dropLast() }
            func `is`(_ name: String) -> Bool {
                type.count == name.utf8.count
                    && zip(type, name.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
            }
            if `is`("*/*") {
                json = true
                eventStream = true
            }
            if `is`("application/json") || `is`("application/*") { json = true }
            if `is`("text/event-stream") || `is`("text/*") { eventStream = true }
        }
        allowsJSON = json
        allowsEventStream = eventStream
    }

    /// A POST must accept both a JSON answer and an event stream (the spec's rule).
    package var allowsPOSTAnswers: Bool { allowsJSON && allowsEventStream }
}
