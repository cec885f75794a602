import Foundation
import Settings

/// Which `Host` and `Origin` headers the HTTP transports accept (DNS-rebinding and
/// cross-site protection): the package URL's, localhost's on the server's port,
/// `MCP_ALLOWED_HOSTS` / `MCP_ALLOWED_ORIGINS`, and in development the localhost origins.
package struct HTTPAccessPolicy: Sendable {
    package struct HostEntry: Sendable, Equatable {
        package var host: String
        package var port: Int?
    }

    package let hosts: [HostEntry]
    /// `Host` headers allowed as they stand (`host` and `host:port`, lower case): most requests
    /// match one without being parsed.
    package let exactHosts: Set<String>
    package let origins: Set<String>

    package init(server: ServerSettings) {
        var hosts = [
            HostEntry(host: "localhost", port: server.port), HostEntry(host: "127.0.0.1", port: server.port),
            HostEntry(host: "[::1]", port: server.port),
        ]
        if let url = URL(string: server.publicURL), let host = url.host {
            hosts.append(HostEntry(host: Self.bracketed(host), port: url.port ?? Self.defaultPort(url.scheme)))
        }
        hosts += server.allowedHosts.compactMap(Self.parseHost)
        self.hosts = hosts
        self.exactHosts = Set(
            hosts.flatMap { entry in [entry.host] + (entry.port.map { ["\(entry.host):\($0)"] } ?? []) })
        var origins = Set(server.allowedOrigins.compactMap(Self.normalizedOrigin))
        if let origin = Self.normalizedOrigin(server.publicURL) { origins.insert(origin) }
        if server.mode == .development {
            origins.insert("http://localhost:\(server.port)")
            origins.insert("http://127.0.0.1:\(server.port)")
        }
        self.origins = origins
    }

    /// A `Host` without a port matches an allowed host of any port. Loopback names
    /// (`localhost`, `127.0.0.1`, `[::1]`) are allowed on any port: a published container port
    /// or an SSH tunnel changes the port, and a DNS-rebinding attack, which this check stops,
    /// always carries the attacker's own host name.
    package func allowsHost(_ header: String?) -> Bool {
        guard let header else { return false }
        if exactHosts.contains(header) { return true }
        guard let entry = Self.parseHost(header) else { return false }
        if Self.loopbackNames.contains(entry.host) { return true }
        return hosts.contains { allowed in
            allowed.host == entry.host && (entry.port == nil || allowed.port == nil || allowed.port == entry.port)
        }
    }

    /// No `Origin` is fine (not a browser); a present one must be allowed.
    package func allowsOrigin(_ header: String?) -> Bool {
        guard let header else { return true }
        guard let origin = Self.normalizedOrigin(header) else { return false }
        return origins.contains(origin)
    }

    package static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    package static func parseHost(_ text: String) -> HostEntry? {
        let text = text.trimmingSpaces.lowercased()
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[...close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return HostEntry(host: host, port: nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return HostEntry(host: host, port: port)
        }
        let parts = text.split(separator: Character(":"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return HostEntry(host: text, port: nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return HostEntry(host: String(parts[0]), port: port)
        default: return nil
        }
    }

    /// `scheme://host:port`, lower-cased, the port always explicit.
    package static func normalizedOrigin(_ text: String) -> String? {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)), let scheme = url.scheme?.lowercased(),
            let host = url.host?.lowercased(), !host.isEmpty
        else { return nil }
        return "\(scheme)://\(bracketed(host)):\(url.port ?? defaultPort(scheme) ?? 0)"
    }

    private static func defaultPort(_ scheme: String?) -> Int? {
        switch scheme?.lowercased() {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host.lowercased()
    }
}
