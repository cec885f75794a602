import JSONCore
import Testing

@testable import MCPCore

/// The checks a 2026-07-28 request passes before it is dispatched, in the Python SDK server's
/// order, and the `params._meta` envelope they read.
@Suite struct StatelessAdmissionTests {
    func params(
        version: JSONValue? = "2026-07-28", capabilities: JSONValue? = [:], name: String = "echo",
        extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var meta: [String: JSONValue] = extra
        if let version { meta[RequestEnvelope.protocolVersionKey] = version }
        if let capabilities { meta[RequestEnvelope.capabilitiesKey] = capabilities }
        return ["name": .string(name), "arguments": [:], "_meta": .object(meta)]
    }

    func routing(
        version: String? = "2026-07-28", method: String? = "tools/call", name: String? = "echo",
        repeated: [String] = []
    ) -> RoutingHeaders {
        RoutingHeaders(version: version, method: method, name: name, repeated: repeated)
    }

    func check(_ params: JSONValue?, _ routing: RoutingHeaders?) -> JSONRPCError? {
        if case .failure(let error) = StatelessAdmission.check(method: "tools/call", params: params, routing: routing) {
            return error
        }
        return nil
    }

    @Test func anAgreeingRequestIsAdmittedWithItsEnvelope() throws {
        let admitted = try StatelessAdmission.check(
            method: "tools/call",
            params: params(
                capabilities: ["elicitation": ["url": [:]]],
                extra: ["io.modelcontextprotocol/clientInfo": ["name": "unit", "version": "1"]]),
            routing: routing()
        ).get()
        #expect(admitted.protocolVersion == "2026-07-28")
        #expect(admitted.capabilities.urlElicitation)
        #expect(!admitted.wantsProgress)
    }

    @Test func aRepeatedHeaderComesBeforeTheEnvelope() {
        let error = check(params(version: nil), routing(repeated: ["Mcp-Method"]))
        #expect(error?.code == -32020)
    }

    @Test func theEnvelopeComesBeforeAHeaderMismatch() {
        #expect(check(params(version: nil), routing(method: "tools/list"))?.code == -32602)
        #expect(check(params(capabilities: nil), routing(name: "other"))?.code == -32602)
    }

    @Test func aHeaderMismatchComesBeforeTheVersion() {
        let mismatched = check(params(version: "2024-01-01"), routing(version: "2026-07-28"))
        #expect(mismatched?.code == -32020)
        let unnamed = check(params(version: "2024-01-01"), routing(version: "2024-01-01", name: nil))
        #expect(unnamed?.code == -32020)
    }

    @Test func anUnservedVersionIsRefusedWithTheSupportedOnes() throws {
        let error = try #require(check(params(version: "2024-01-01"), routing(version: "2024-01-01")))
        #expect(error.code == -32022)
        #expect(error.data?["supported"] == .array(ProtocolEra.allVersions.map { .string($0) }))
        #expect(error.data?["requested"] == "2024-01-01")
        let handshake = try #require(check(params(version: "2025-11-25"), routing(version: "2025-11-25")))
        #expect(handshake.code == -32022, "a handshake-era version in the envelope is not a stateless one")
    }

    @Test func stdioHasNoHeadersToCheck() {
        #expect(check(params(), nil) == nil)
        #expect(check(params(name: "other"), nil) == nil)
        #expect(check(params(version: nil), nil)?.code == -32602)
        #expect(check(params(version: "2024-01-01"), nil)?.code == -32022)
    }

    // MARK: RequestEnvelope

    func read(_ params: JSONValue?) -> Result<RequestEnvelope, JSONRPCError> { RequestEnvelope.read(params) }

    func failure(_ params: JSONValue?) -> JSONRPCError? {
        if case .failure(let error) = read(params) { return error }
        return nil
    }

    @Test func theEnvelopeNeedsAVersionStringAndACapabilitiesObject() {
        #expect(failure(nil)?.code == -32602)
        #expect(failure([:])?.code == -32602)
        #expect(failure(["_meta": "x"])?.code == -32602)
        #expect(failure(params(version: nil))?.code == -32602)
        #expect(failure(params(version: 20260728))?.code == -32602, "a version that is not a string")
        #expect(failure(params(capabilities: nil))?.code == -32602)
        #expect(failure(params(capabilities: "none"))?.code == -32602)
        #expect(failure(params(capabilities: []))?.code == -32602)
        #expect(failure(params(capabilities: nil))?.message.contains(RequestEnvelope.capabilitiesKey) == true)
        #expect(failure(params(version: nil))?.message.contains(RequestEnvelope.protocolVersionKey) == true)
        #expect(failure(params()) == nil)
    }

    @Test func progressIsWantedForANonNullToken() throws {
        #expect(try read(params(extra: ["progressToken": "p1"])).get().wantsProgress)
        #expect(try read(params(extra: ["progressToken": 0])).get().wantsProgress)
        #expect(try !read(params(extra: ["progressToken": nil])).get().wantsProgress)
        #expect(try !read(params()).get().wantsProgress)
    }

    @Test func urlElicitationNeedsAnElicitationURLObject() throws {
        let cases: [(JSONValue, Bool)] = [
            (["elicitation": ["url": [:]]], true),
            (["elicitation": ["form": [:], "url": ["x": 1]]], true),
            (["elicitation": [:]], false),
            (["elicitation": ["form": [:]]], false),
            (["elicitation": ["url": true]], false),
            (["elicitation": "url"], false),
            ([:], false),
        ]
        for (capabilities, url) in cases {
            #expect(try read(params(capabilities: capabilities)).get().capabilities.urlElicitation == url)
        }
        #expect(!ClientCapabilities(nil).urlElicitation)
    }

    @Test func aModernRequestIsToldByItsEnvelopeVersion() {
        #expect(RequestEnvelope.isStateless(params()))
        #expect(!RequestEnvelope.isStateless(["protocolVersion": "2025-11-25"]))
        #expect(!RequestEnvelope.isStateless(nil))
    }
}
