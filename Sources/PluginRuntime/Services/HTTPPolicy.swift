import Foundation
import Settings

/// What one provider's HTTP requests may do: where they may go, how long they may take and
/// how much they may bring back.
package struct HTTPPolicy: Sendable {
    /// Lower-cased `host` or `host:port` entries; `*` allows any host.
    package var allowedHosts: Set<String>
    package var timeoutMs: Int
    package var maxResponseBytes: Int

    package init(allowedHosts: [String], timeoutMs: Int, maxResponseBytes: Int) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.timeoutMs = timeoutMs
        self.maxResponseBytes = maxResponseBytes
    }

    /// The provider's settings plus the hosts of the Paragon APIs, which are always allowed.
    package init(settings: HTTPServiceSettings, paragonURLs: [String]) {
        let paragonHosts = paragonURLs.compactMap { URL(string: $0).flatMap(Self.authority) }
        self.init(
            allowedHosts: settings.allowedHosts + paragonHosts, timeoutMs: settings.timeoutMs,
            maxResponseBytes: settings.maxResponseBytes)
    }

    /// True when `url`'s host (any port) or host and port is allowed.
    package func allows(_ url: URL) -> Bool {
        if allowedHosts.contains("*") { return true }
        guard let host = url.host?.lowercased() else { return false }
        if allowedHosts.contains(host) { return true }
        return Self.authority(url).map(allowedHosts.contains) ?? false
    }

    /// `host:port` with the scheme's default port filled in.
    package static func authority(_ url: URL) -> String? {
        guard let host = url.host?.lowercased() else { return nil }
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return "\(host):\(port)"
    }
}
