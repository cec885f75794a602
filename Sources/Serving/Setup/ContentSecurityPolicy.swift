import Foundation
import Settings

/// The setup page's `Content-Security-Policy` (CSP Level 3): only what the page needs. Scripts:
/// its own and the Connect SDK's origin (and Paragon's hosts for Paragon's hosted SDK). What the
/// SDK connects to, frames and shows: the origins of every configured Paragon URL (the SDK's,
/// Zeus's, ActionKit's, the Proxy API's: an on-premises Paragon serves its portal beside them).
/// `setup.csp_extra_sources` adds sources to both. No inline script, no framing of the page, no
/// forms, no base URL.
package enum ContentSecurityPolicy {
    package static func setupPage(paragon: ParagonSettings, extraSources: [String] = []) -> String {
        var scripts: [String] = []
        var remote: [String] = []
        func add(_ source: String, to list: inout [String]) {
            if !list.contains(source) { list.append(source) }
        }
        let sdk = origin(of: paragon.connectSDKURL)
        for text in [paragon.connectSDKURL, paragon.zeusURL, paragon.actionKitURL, paragon.proxyURL] {
            guard let source = origin(of: text) else { continue }
            add(source.origin, to: &remote)
            if source.isParagonHosted { add("https://*.useparagon.com", to: &remote) }
        }
        if let sdk {
            add(sdk.origin, to: &scripts)
            if sdk.isParagonHosted { add("https://*.useparagon.com", to: &scripts) }
        }
        for source in extraSources {
            add(source, to: &scripts)
            add(source, to: &remote)
        }
        let scriptSources = scripts.joined(separator: " ")
        let remoteSources = remote.joined(separator: " ")
        return [
            "default-src 'none'", "script-src 'self' \(scriptSources)", "connect-src 'self' \(remoteSources)",
            "frame-src \(remoteSources)", "img-src 'self' data: \(remoteSources)",
            "style-src 'self' 'unsafe-inline' \(remoteSources)", "font-src \(remoteSources)", "base-uri 'none'",
            "form-action 'none'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// `scheme://host[:port]` of a URL (an IPv6 host in brackets), and whether it is one of
    /// Paragon's hosted services.
    private static func origin(of text: String) -> (origin: String, isParagonHosted: Bool)? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
            !host.isEmpty
        else { return nil }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let origin = "\(scheme)://\(bracketed)" + (url.port.map { ":\($0)" } ?? "")
        return (origin, host == "useparagon.com" || host.hasSuffix(".useparagon.com"))
    }

    /// Schemes a host source of this policy may name.
    package static let schemes: Set<String> = ["http", "https", "ws", "wss"]

    /// Whether `text` is a host source the policy may list (CSP Level 3, host-source):
    /// `scheme://host[:port][/path]` with an http(s) or ws(s) scheme, the host possibly
    /// `*.`-prefixed, and nothing that would end the directive or add another.
    package static func isHostSource(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || ";,'\"".contains($0) }),
            let separator = text.range(of: "://"), schemes.contains(text[..<separator.lowerBound].lowercased())
        else { return false }
        let authority = text[separator.upperBound...].prefix { $0 != "/" }
        var host = authority.prefix { $0 != ":" }
        if host.hasPrefix("*.") { host = host.dropFirst(2) }
        let port = authority.dropFirst(host.count + (authority.hasPrefix("*.") ? 2 : 0))
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            return false
        }
        return port.isEmpty || port == ":*" || (port.count > 1 && port.dropFirst().allSatisfy(\.isNumber))
    }
}
