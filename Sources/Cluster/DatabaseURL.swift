import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=...` URL as PostgresNIO's client
/// configuration (libpq's URI form: https://www.postgresql.org/docs/15/libpq-connect.html,
/// section 34.1.1.2). `sslmode` is `disable`, `prefer` (the default) or `require`, which encrypt
/// without verifying the server's certificate, as libpq's do (section 34.19.1).
package struct DatabaseURL: Sendable {
    package var configuration: PostgresClient.Configuration
    /// `host:port/database`, for messages and logs (never the password).
    package var display: String

    package init(_ text: String) throws(ClusterError) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .invalidURL(reason: "expected postgres:// or postgresql://")
        }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(reason: "it names no host") }
        let port = url.port ?? 5432
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        // URLComponents decodes them already.
        let user = url.user ?? "postgres"
        let password = url.password
        let tls: PostgresClient.Configuration.TLS
        switch url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        // As libpq: `prefer` and `require` encrypt without checking the certificate.
        case "prefer": tls = .prefer(Self.unverified)
        case "require": tls = .require(Self.unverified)
        case let other: throw .invalidURL(reason: "sslmode \(other) is not disable, prefer or require")
        }
        configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database.isEmpty ? nil : database,
            tls: tls)
        display = "\(host):\(port)/\(database)"
    }

    private static var unverified: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}
