/// Why a search index could not be built or asked.
public enum ToolSearchError: Error, Sendable, CustomStringConvertible {
    /// SQLite refused (FTS5 missing from the linked library, out of memory, ...); `message` is
    /// SQLite's own.
    case sqlite(message: String)

    public var description: String {
        switch self {
        case .sqlite(let message): "tool search: SQLite failed: \(message)"
        }
    }
}
