import Testing

@testable import MCPCore

/// Which era an HTTP request is served in, by its `MCP-Protocol-Version` header, and the
/// versions both eras serve.
@Suite struct ProtocolEraTests {
    @Test func theEraFollowsTheVersionHeader() {
        #expect(ProtocolEra.of(header: nil) == .handshake)
        for version in ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"] {
            #expect(ProtocolEra.of(header: version) == .handshake, "\(version)")
        }
        #expect(ProtocolEra.of(header: "2026-07-28") == .stateless)
        #expect(ProtocolEra.of(header: "2024-01-01") == .stateless, "answered -32022 on the stateless path")
    }

    @Test func allVersionsListsBothErasNewestFirst() {
        let all = ProtocolEra.allVersions
        #expect(all.first == "2026-07-28")
        #expect(all == all.sorted(by: >))
        #expect(Set(all) == Set(ProtocolEra.statelessVersions).union(ProtocolVersion.supported))
        #expect(all.contains("2025-11-25"))
        #expect(all.count == Set(all).count)
    }
}
