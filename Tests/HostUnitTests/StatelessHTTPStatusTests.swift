import Hummingbird
import Testing

@testable import MCPCore
@testable import Serving

/// The HTTP status of a 2026-07-28 answer, by its JSON-RPC error (MCP 2026-07-28, Streamable
/// HTTP: errors).
@Suite struct StatelessHTTPStatusTests {
    @Test func eachErrorCodeHasItsStatus() {
        let cases: [(Int?, HTTPResponse.Status)] = [
            (-32601, .notFound),
            (-32700, .badRequest), (-32600, .badRequest), (-32602, .badRequest),
            (-32020, .badRequest), (-32021, .badRequest), (-32022, .badRequest),
            (-32603, .ok), (nil, .ok),
        ]
        for (code, status) in cases {
            let error = code.map { JSONRPCError(code: $0, message: "m") }
            #expect(StatelessHTTPTransport.status(of: error) == status, "\(code.map(String.init) ?? "no error")")
        }
        #expect(StatelessHTTPTransport.status(of: .methodNotFound("ping")) == .notFound)
        #expect(StatelessHTTPTransport.status(of: .headerMismatch("x")) == .badRequest)
        #expect(
            StatelessHTTPTransport.status(of: .unsupportedProtocolVersion("2024-01-01", supported: ["2026-07-28"]))
                == .badRequest)
    }
}
