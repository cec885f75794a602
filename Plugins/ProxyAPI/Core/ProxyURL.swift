import Foundation
import ParagonAPI
import ProviderKit

/// A URL as `CALL_API_REQUEST` sends and confines it, read by RFC 3986: absolute http(s) with a
/// host (§4.3); without user information (§3.2.1: deprecated, and the proxy's account
/// authenticates); without dot segments (§3.3, §5.2.4), which a server resolves after any
/// check of ours, so `/api/../admin` would reach `/admin`; and without its fragment, which
/// identifies a part of the answer for the client and is never sent (§3.5).
///
/// A dot segment is refused as written (`..`) or percent-encoded (`%2e%2E`), and also where an
/// encoded `/` or `\` (`..%2Fadmin`, `..%5C`) or a `;` parameter (`..;x`) would make one for
/// servers that decode or strip them. Characters RFC 3986 does not allow are sent
/// percent-encoded (a space as `%20`, `\` as `%5C`), so that no parser reads them as delimiters.
struct ProxyURL: Sendable, Equatable {
    /// The URL as sent: as written, but percent-encoded where RFC 3986 requires and without
    /// its fragment.
    var text: String
    /// Lower-cased.
    var scheme: String
    /// Lower-cased.
    var host: String
    /// As written, else the scheme's (443 for https, 80 for http).
    var port: Int
    /// The path's segments, percent-decoded: `/api/chat.postMessage` → `api`, `chat.postMessage`;
    /// empty for an empty path or `/`'s.
    var segments: [[UInt8]]

    init(_ written: String) throws(ProxyRefusal) {
        guard var components = URLComponents(string: written), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw .notAbsolute(written) }
        guard components.user == nil, components.password == nil else { throw .credentials }
        let path = components.percentEncodedPath
        let rawSegments =
            path.isEmpty
            ? []
            : path.dropFirst(path.hasPrefix("/") ? 1 : 0).split(
                separator: "/", omittingEmptySubsequences: false)
        for segment in rawSegments where Self.isDotSegment(segment) { throw .dotSegment(String(segment)) }
        components.fragment = nil
        self.text = components.string ?? written
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = components.port ?? (scheme == "https" ? 443 : 80)
        self.segments = rawSegments.map { PercentEncoding.decode($0) }
        if segments == [[]] { segments = [] }
    }

    /// Whether a segment (percent-encoded, as in the URL) is or makes a dot segment: decoded,
    /// split at `/` and `\`, and each part cut at `;`, some part is `.` or `..`.
    static func isDotSegment(_ segment: Substring) -> Bool {
        let decoded = PercentEncoding.decode(segment)
        let parts = decoded.split(omittingEmptySubsequences: false) {
            $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\")
        }
        return parts.contains { part in
            let name = part.prefix { $0 != UInt8(ascii: ";") }
            return name.elementsEqual([UInt8(ascii: ".")])
                || name.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
        }
    }

    /// The URL without its query, for log lines and resource URIs.
    var withoutQuery: String {
        text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
    }
}

/// An entry of `allowed_url_prefixes`: the URLs it admits have its scheme, host and port, and a
/// path that starts with its path in whole segments (`https://api.github.com/repos/octocat`
/// admits `.../repos/octocat` and `.../repos/octocat/hello`, never `.../repos/octocat-evil`);
/// a trailing `/` changes nothing. Segments compare percent-decoded.
struct URLPrefix: Sendable, Equatable {
    /// As configured, for messages.
    var written: String
    var url: ProxyURL

    /// A prefix from config.yaml; an unusable one is a configuration error naming it.
    init(_ written: String) throws(ProviderError) {
        self.written = written
        do {
            url = try ProxyURL(written)
        } catch {
            throw .internalError("allowed_url_prefixes: \(written) cannot be used: \(error)")
        }
        if written.contains("?") || written.contains("#") {
            throw .internalError("allowed_url_prefixes: \(written) cannot be used: a prefix has no query or fragment")
        }
        if url.segments.last == [] { url.segments.removeLast() }
    }

    func admits(_ candidate: ProxyURL) -> Bool {
        candidate.scheme == url.scheme && candidate.host == url.host && candidate.port == url.port
            && candidate.segments.starts(with: url.segments)
    }
}
