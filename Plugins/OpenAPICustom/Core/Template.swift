/// The `{name}` expressions of a path template (OAS 3.0.3 §4.7.8 "Path Templating", 3.1
/// §4.8.8) or a server URL (Server Object `url`, §4.7.5 / §4.8.5): the one scanner that path
/// parameters, implied path parameters and server variables read.
enum Template {
    enum Piece: Sendable, Equatable {
        /// Text as written.
        case literal(Substring)
        /// `{name}`: the name between the braces.
        case expression(String)
    }

    /// The pieces of `text`, in order. A `{` without a closing `}` starts a literal (and
    /// `unclosed` says so): a path keeps it as written, a server URL cannot be used.
    static func pieces(_ text: String) -> (pieces: [Piece], unclosed: Bool) {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                pieces.append(.literal(rest))
                return (pieces, true)
            }
            if open > rest.startIndex { pieces.append(.literal(rest[..<open])) }
            pieces.append(.expression(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(rest)) }
        return (pieces, false)
    }

    /// The names of the expressions, in order.
    static func names(_ text: String) -> [String] {
        pieces(text).pieces.compactMap { if case .expression(let name) = $0 { name } else { nil } }
    }
}
