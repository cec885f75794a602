/// The rules for headers a provider sends upstream on a tool argument's behalf (an OpenAPI
/// header parameter, `CALL_API_REQUEST`'s `headers`): one list, checked before anything is sent.
public enum RequestHeaders {
    /// Names (lower-cased) no argument may set: credentials, which Paragon's proxy supplies from
    /// the user's connected account (`Authorization`, `Proxy-Authorization`, `Cookie`); the
    /// message's framing and the connection's hop-by-hop headers, which the HTTP client owns
    /// (`Host`, `Content-Length`, `Transfer-Encoding`: RFC 9112 §3.2, §6; `Connection`,
    /// `Proxy-Connection`, `Keep-Alive`, `TE`, `Upgrade`: RFC 9110 §7.6.1); and, by prefix,
    /// Paragon's own `X-Paragon-*`.
    static let forbidden: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "host", "content-length", "transfer-encoding",
        "connection", "proxy-connection", "keep-alive", "te", "upgrade",
    ]

    /// Whether no argument may set header `name` (case-insensitive).
    public static func isForbidden(_ name: String) -> Bool {
        let lower = name.lowercased()
        return forbidden.contains(lower) || lower.hasPrefix("x-paragon-")
    }

    /// Whether `name` is a field name: a non-empty token (RFC 9110 §5.1, §5.6.2).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }

    /// Whether `value` can be a field value: without control characters other than HTAB. RFC
    /// 9110 §5.5 calls CR, LF and NUL invalid and dangerous (they would end the header and
    /// start another) and the other controls invalid; the host's HTTP client refuses them all.
    public static func isValidValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }
    }
}
