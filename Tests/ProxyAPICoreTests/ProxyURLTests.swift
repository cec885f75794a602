import Foundation
import ProviderKit
import Testing

@testable import ProxyAPICore

/// CALL_API_REQUEST's URL rules: absolute http(s), no credentials, no dot segments however
/// written, no fragment; prefixes compared by scheme, host, port and whole path segments.
@Suite struct ProxyURLTests {
    static func rails(_ prefixes: String) throws -> ProxyGuardRails {
        try ProxyGuardRails(
            JSONDecoder().decode(
                ProxyGuardRails.Settings.self, from: Data(#"{"allowed_url_prefixes": \#(prefixes)}"#.utf8)))
    }

    static func request(_ url: String, integration: String = "slack", headers: JSONValue = [:]) throws(ProxyRefusal)
        -> ProxyRequest
    {
        try ProxyRequest([
            "integration": .string(integration), "url": .string(url), "httpMethod": "GET", "headers": headers,
        ])
    }

    /// The rails' refusal of `url`, nil when it may be called.
    static func refusal(_ rails: ProxyGuardRails, _ url: String, integration: String = "slack") -> ProxyRefusal? {
        do throws(ProxyRefusal) {
            try rails.check(request(url, integration: integration), limits: HostLimits())
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        "https://slack.com/api/../admin.users.list", "https://slack.com/api/%2e%2e/admin",
        "https://slack.com/api/%2E%2e/admin", "https://slack.com/api/.%2e/admin", "https://slack.com/api/./x",
        "https://api.github.com/repos/octocat/../../user/keys", "https://slack.com/api/..%2Fadmin",
        "https://slack.com/api/..%5Cadmin", "https://slack.com/api/..\\admin", "https://slack.com/api/..;x/admin",
        "https://slack.com/api/x/..", "https://slack.com/api/%2e",
    ])
    func dotSegmentsAreRefusedHoweverWritten(_ url: String) {
        #expect(throws: ProxyRefusal.self) { try Self.request(url) }
        do throws(ProxyRefusal) {
            _ = try Self.request(url)
        } catch {
            guard case .dotSegment = error else {
                Issue.record("\(url): \(error)")
                return
            }
            #expect(error.description.contains("`..`") || error.description.contains("`.`"))
        }
    }

    @Test func urlsThatAreFine() throws {
        // Dots inside a segment, and an encoded slash that makes no dot segment, are data.
        for url in [
            "https://slack.com/api/chat.postMessage", "https://x.com/a/.well-known/b", "https://x.com/a/...",
            "https://x.com/v1/files/a..b", "https://gitlab.com/api/v4/projects/group%2Fproject", "https://x.com",
        ] {
            #expect(throws: Never.self, "\(url)") { try Self.request(url) }
        }
        #expect(throws: ProxyRefusal.notAbsolute("/relative")) { try Self.request("/relative") }
        #expect(throws: ProxyRefusal.notAbsolute("file:///etc/passwd")) { try Self.request("file:///etc/passwd") }
        #expect(throws: ProxyRefusal.notAbsolute("https:slack.com/api")) { try Self.request("https:slack.com/api") }
        #expect(throws: ProxyRefusal.credentials) { try Self.request("https://u:p@x.com/a") }
        #expect(throws: ProxyRefusal.credentials) { try Self.request("https://slack.com@evil.com/api/") }
    }

    /// The fragment is the client's: never part of the request, and never before the query.
    @Test func theFragmentIsDropped() throws {
        var request = try Self.request("https://slack.com/api/x?a=1#top")
        #expect(request.target == "https://slack.com/api/x?a=1")
        request.queryParams = ["b": "2"]
        #expect(request.target == "https://slack.com/api/x?a=1&b=2")
        let bare = try ProxyRequest([
            "integration": "slack", "url": "https://slack.com/api/x#frag", "httpMethod": "GET",
            "queryParams": ["q": "v"],
        ])
        #expect(bare.target == "https://slack.com/api/x?q=v")
        #expect(bare.loggableURL == "https://slack.com/api/x (query: q)")
        // What RFC 3986 does not allow is sent encoded, so no parser reads it as a delimiter.
        #expect(try Self.request("https://x.com/a b\\c").target == "https://x.com/a%20b%5Cc")
        // As written otherwise: encoded slashes, queries and case stay.
        #expect(
            try Self.request("https://gitlab.com/api/v4/projects/group%2Fproject?ref=a%2Fb&x=1+2").target
                == "https://gitlab.com/api/v4/projects/group%2Fproject?ref=a%2Fb&x=1+2")
    }

    @Test func prefixesCompareSchemeHostPortAndWholeSegments() throws {
        let rails = try Self.rails(
            #"{"slack": ["https://slack.com/api/"], "github": ["https://api.github.com/repos/octocat"]}"#)
        for url in [
            "https://slack.com/api/chat.postMessage", "https://SLACK.com/api/x", "https://slack.com:443/api/x",
            "https://slack.com/api", "https://slack.com/%61pi/x",
        ] {
            #expect(Self.refusal(rails, url) == nil, "\(url)")
        }
        for url in [
            "http://slack.com/api/x", "https://slack.com:8443/api/x", "https://evil.com/api/x",
            "https://slack.com.evil.com/api/x", "https://slack.com/apix", "https://slack.com/API/x",
            "https://slack.com/api%2Fx", "https://slack.com/", "https://slack.com//api/x",
        ] {
            let refusal = Self.refusal(rails, url)
            #expect(refusal == .outsidePrefixes(integration: "slack", prefixes: ["https://slack.com/api/"]), "\(url)")
        }
        #expect(Self.refusal(rails, "https://api.github.com/repos/octocat", integration: "github") == nil)
        #expect(Self.refusal(rails, "https://api.github.com/repos/octocat/hello/issues", integration: "github") == nil)
        #expect(Self.refusal(rails, "https://api.github.com/repos/octocat-evil", integration: "github") != nil)
        #expect(Self.refusal(rails, "https://api.github.com/repos/octocat-evil/x", integration: "github") != nil)
        #expect(Self.refusal(rails, "https://anything.example/x", integration: "notion") == nil, "no prefixes: any URL")
    }

    @Test func unusablePrefixesAreConfigurationErrors() {
        for prefix in ["/api/", "https://slack.com/api/../x", "https://slack.com/api?x=1", "ftp://slack.com/"] {
            #expect(throws: ProviderError.self, "\(prefix)") { try Self.rails(#"{"slack": ["\#(prefix)"]}"#) }
        }
    }

    @Test func headersAreCheckedBeforeAnythingIsSent() throws {
        let rails = try Self.rails("{}")
        func refusal(_ headers: JSONValue) -> ProxyRefusal? {
            do throws(ProxyRefusal) {
                try rails.check(
                    Self.request("https://slack.com/api/x", headers: headers),
                    limits: HostLimits())
                return nil
            } catch {
                return error
            }
        }
        #expect(refusal(["X-Request-Id": "r1", "Content-Type": "application/json"]) == nil)
        for name in ["Authorization", "Proxy-Authorization", "Transfer-Encoding", "Connection", "TE", "X-Paragon-A"] {
            #expect(refusal([.init(stringLiteral: name): "x"]) == .forbiddenHeader(name))
        }
        #expect(refusal(["X-Note": "a\r\nX-Evil: 1"]) == .invalidHeaderValue("X-Note"))
        #expect(refusal(["X-Note": "a\u{0}"]) == .invalidHeaderValue("X-Note"))
        #expect(refusal(["X Note": "a"]) == .invalidHeaderName("X Note"))
        #expect(ProxyRefusal.invalidHeaderValue("X-Note").description.contains("X-Note"))
    }
}
