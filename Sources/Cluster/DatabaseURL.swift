import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=...` URL as PostgresNIO's client
/// configuration (libpq's URI form: https://www.postgresql.org/docs/15/libpq-connect.html,
/// section 34.1.1.2). `sslmode` is `disable`, `prefer` (the default) or `require`, which encrypt
/// without verifying the server's certificate, as libpq's do (section 34.19.1).
package struct DatabaseURL: Sendable {
    package var configuration: PostgresClient.Configuration
    /// The same, for one connection of its own (the start's probe, whose failure says why).
    package var connection: PostgresConnection.Configuration
    /// `host:port/database`, for messages and logs (never the password).
    package var display: String

    /// - Throws: ``ClusterError/invalidURL(reason:)``: not a PostgreSQL URL, no host, an
    ///   unknown `sslmode`, or user information not percent-encoded (the message never repeats
    ///   any of the URL, which may hold the password).
    package init(_ text: String) throws(ClusterError) {
        let encodingAdvice =
            "percent-encode special characters in the user name and password (@ as %40, / as %2F, "
            + ": as %3A, % as %25, # as %23, ? as %3F)"
        guard let url = URLComponents(string: text) else {
            let scheme = text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
            throw .invalidURL(reason: scheme ? encodingAdvice : "expected postgres:// or postgresql://")
        }
        guard ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .invalidURL(reason: "expected postgres:// or postgresql://")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(reason: "it names no host") }
        let port = url.port ?? 5432
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        // An `@`, `/` or `:` left raw in the password moves where the host seems to start.
        guard text.filter({ $0 == "@" }).count <= 1, !database.contains("/"), !database.contains("@") else {
            throw .invalidURL(reason: encodingAdvice)
        }
        // URLComponents decodes them already.
        let user = url.user ?? "postgres"
        let password = url.password
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        do {
            switch url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
            case "disable":
                (tls, connectionTLS) = (.disable, .disable)
            // As libpq: `prefer` and `require` encrypt without checking the certificate.
            case "prefer":
                (tls, connectionTLS) = (
                    .prefer(Self.unverified), .prefer(try NIOSSLContext(configuration: Self.unverified))
                )
            case "require":
                (tls, connectionTLS) = (
                    .require(Self.unverified), .require(try NIOSSLContext(configuration: Self.unverified))
                )
            case let other:
                throw ClusterError.invalidURL(reason: "sslmode \(other) is not disable, prefer or require")
            }
        } catch let error as ClusterError {
            throw error
        } catch {
            throw .invalidURL(reason: "TLS cannot be set up: \(error)")
        }
        let name = database.isEmpty ? nil : database
        configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: name, tls: tls)
        connection = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: name, tls: connectionTLS)
        display = "\(host):\(port)/\(database)"
    }

    private static var unverified: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}
