import Foundation
import Settings

extension AuthSettings {
    /// `auth:`: what the server's OAuth 2.0 Protected Resource Metadata (RFC 9728) advertises.
    static let declarations: [SettingDeclaration<HostConfig>] = [
        SettingDeclaration(
            "auth.authorization_servers", variable: "MCP_AUTHORIZATION_SERVERS",
            SettingType<[String]>.list.checked { issuers in issuers.compactMap(issuerProblem) },
            default: .value([]),
            "issuer URLs (https; http on localhost) of OAuth authorization servers fronting the server, "
                + "advertised in its [protected resource metadata](serving.md#protected-resource-metadata)",
            at: \.auth.authorizationServers)
    ]

    /// Why `text` cannot be an authorization server's issuer identifier (RFC 8414 §2: an https
    /// URL without query or fragment; http only on a loopback host, for local testing), or nil.
    static func issuerProblem(_ text: String) -> String? {
        let problem = "\"\(text)\" is not an issuer URL (https://auth.example.com; http only for localhost)"
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(),
            !host.isEmpty, url.query == nil, url.fragment == nil, url.user == nil
        else { return problem }
        switch scheme {
        case "https": return nil
        case "http": return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host) ? nil : problem
        default: return problem
        }
    }
}
