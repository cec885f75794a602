import ProviderKit

/// A Server Object's URL with its variables filled (OAS 3.0.3 §4.7.5-6, 3.1 §4.8.5-6): each
/// `{name}` is replaced by the variable's `default` (3.0 and 3.1 require one; failing that, the
/// first of its `enum`). A relative URL (`/v1`) stays relative: Paragon resolves it against
/// the integration's API base, as it does a path without a server.
struct ServerURL: Sendable, Equatable {
    /// The URL to prefix paths with; empty for none.
    var url: String
    /// The variables that were filled, in the order they appear: `region=us-east-1`.
    var filled: [String]
    /// Variables whose `default` is not one of their `enum` (OAS 3.0.3 §4.7.6: it MUST be; 3.1
    /// §4.8.6 likewise): the default is used, and the reader warns.
    var defaultsOutsideEnum: [DefaultOutsideEnum] = []

    struct DefaultOutsideEnum: Sendable, Equatable, CustomStringConvertible {
        var variable: String
        var value: String
        var allowed: [String]

        var description: String {
            "server variable {\(variable)}: its default \(value) is not one of its enum "
                + "(\(allowed.joined(separator: ", "))), as OAS requires; \(value) is used"
        }
    }

    /// Why a server could not be used.
    enum Problem: Error, Equatable, CustomStringConvertible {
        /// `{name}` in the URL with no variable, or a variable without default or enum.
        case noValue(variable: String)
        /// An unclosed `{`.
        case unbalanced

        var description: String {
            switch self {
            case .noValue(let variable):
                return "server variable {\(variable)} has no default value (OAS requires `default`)"
            case .unbalanced: return "the server URL has an unclosed `{`"
            }
        }
    }

    /// The URL of a Server Object, or the problem that keeps it from being used.
    static func resolve(_ server: JSONValue) -> Result<ServerURL, Problem> {
        let template = server["url"]?.stringValue ?? ""
        let variables = server["variables"]?.objectValue ?? [:]
        let (pieces, unclosed) = Template.pieces(template)
        guard !unclosed else { return .failure(.unbalanced) }
        var url = ""
        var filled: [String] = []
        var outside: [DefaultOutsideEnum] = []
        for piece in pieces {
            switch piece {
            case .literal(let text):
                url += text
            case .expression(let name):
                let variable = variables[name]
                guard let value = variable?["default"].flatMap(text) ?? variable?["enum"]?[0].flatMap(text) else {
                    return .failure(.noValue(variable: name))
                }
                url += value
                filled.append("\(name)=\(value)")
                let allowed = variable?["enum"]?.arrayValue?.compactMap(text) ?? []
                if !allowed.isEmpty, !allowed.contains(value) {
                    outside.append(DefaultOutsideEnum(variable: name, value: value, allowed: allowed))
                }
            }
        }
        while url.hasSuffix("/") { url.removeLast() }
        return .success(ServerURL(url: url, filled: filled, defaultsOutsideEnum: outside))
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        default: return nil
        }
    }
}
