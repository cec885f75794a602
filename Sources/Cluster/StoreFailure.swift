import PostgresNIO

/// What went wrong with PostgreSQL, in words an operator can act on: the server's own message
/// and SQLSTATE when it answered (a wrong password, a missing database), else the connection's
/// failure (refused, no TLS on the server). `PSQLError`'s description is generic on purpose
/// (its reflection holds the query and more), so this reads only the fields that are safe to log.
enum StoreFailure {
    static func explain(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return "PostgreSQL said: \(message)\(state)"
        }
        switch error.code {
        case .sslUnsupported:
            return "the server does not support TLS (use sslmode=disable, or enable ssl on the server)"
        case .connectionError, .serverClosedConnection, .uncleanShutdown:
            return error.underlying.map { "\($0)" } ?? "the connection failed (\(error.code))"
        default:
            return error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        }
    }
}
