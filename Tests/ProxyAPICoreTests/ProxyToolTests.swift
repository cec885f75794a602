import Foundation
import ProviderKit
import Testing

@testable import ProxyAPICore

/// CALL_API_REQUEST as listed: a title and annotations saying it may write, destroy and
/// reach outside the server.
@Suite struct ProxyToolTests {
    @Test func theToolHasATitleAndAnnotations() throws {
        let rails = try ProxyGuardRails(JSONDecoder().decode(ProxyGuardRails.Settings.self, from: Data("{}".utf8)))
        let descriptor = ProxyAPIProvider.descriptor(integrations: ["slack"], rails: rails)
        #expect(descriptor.name == "CALL_API_REQUEST")
        #expect(descriptor.title == "Call an integration's API")
        #expect(
            descriptor.annotations
                == ["readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true])
    }
}
