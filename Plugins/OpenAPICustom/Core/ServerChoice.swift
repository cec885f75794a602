import ProviderKit

/// The server an operation's requests go to. `servers` may stand on the document, a path item
/// and an operation, each overriding the outer (OAS 3.0.3 §4.7.2, §4.7.9, §4.7.10; 3.1 §4.8.x
/// likewise): the first server of the innermost level that has one is used. A level whose
/// first server cannot be used (a variable without a value, ``ServerURL/Problem``) falls back
/// to the next level out, and a warning says which server is used instead; past the document,
/// paths are sent relative to the integration's API base.
struct ServerChoice: Sendable, Equatable {
    /// The URL to prefix paths with; nil for none (Paragon resolves the path against the
    /// integration's API base).
    var url: String?
    /// Where it comes from, for warnings: "the document's server".
    var source: String

    /// No server: paths are relative.
    static let relative = ServerChoice(url: nil, source: "")

    /// The server of the level `servers` (at `pointer`, named `level` in warnings: "the path
    /// item's"), or `outer`'s when it has none or its first cannot be used.
    static func choose(
        _ servers: JSONValue?, level: String, pointer: String, outer: ServerChoice, file: String,
        diagnostics: inout [Diagnostic]
    ) -> ServerChoice {
        func warn(_ path: String, _ message: String) {
            diagnostics.append(Diagnostic(severity: .warning, file: file, path: path, message: message))
        }
        guard let servers else { return outer }
        guard let first = servers[0] else {
            if servers.arrayValue == nil { warn(pointer, "`servers` is not a list: ignored") }
            return outer
        }
        switch ServerURL.resolve(first) {
        case .success(let server):
            if !server.filled.isEmpty {
                warn(
                    pointer + "/0",
                    "server variables filled with their defaults: \(server.filled.joined(separator: ", ")) (\(server.url))"
                )
            }
            for outside in server.defaultsOutsideEnum { warn(pointer + "/0", outside.description) }
            return ServerChoice(url: server.url.isEmpty ? nil : server.url, source: level + " server")
        case .failure(let problem):
            let instead =
                outer.url.map { "\(outer.source) (\($0)) is used instead" }
                ?? "paths are sent relative to the integration's API base instead"
            warn(pointer + "/0", "\(problem); \(instead)")
            return outer
        }
    }
}
