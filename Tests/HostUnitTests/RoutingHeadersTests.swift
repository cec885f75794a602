import Hummingbird
import JSONCore
import Testing

@testable import MCPCore
@testable import Serving

/// The routing headers of a 2026-07-28 HTTP request against its body (MCP 2026-07-28,
/// Streamable HTTP: request headers): decoding, the body checks, the `Mcp-Param-*` checks, and
/// how they are collected from the request's fields.
@Suite struct RoutingHeadersTests {
    /// Headers that agree with a `tools/call` of `echo` at 2026-07-28.
    func headers(
        version: String? = "2026-07-28", method: String? = "tools/call", name: String? = "echo",
        params: [String: String] = [:], repeated: [String] = []
    ) -> RoutingHeaders {
        RoutingHeaders(version: version, method: method, name: name, params: params, repeated: repeated)
    }

    let call: JSONValue = ["name": "echo", "arguments": ["text": "hi"]]

    func code(_ error: JSONRPCError?) -> Int? { error?.code }

    // MARK: decode

    @Test func decodeReadsPlainValuesAndBase64Sentinels() {
        #expect(RoutingHeaders.decode("echo") == "echo")
        #expect(RoutingHeaders.decode("a b c") == "a b c", "spaces inside are plain")
        #expect(RoutingHeaders.decode("=?base64?ZWNobw==?=") == "echo")
        #expect(RoutingHeaders.decode("=?base64?IGjDqWxsbyA=?=") == " héllo ", "what plain text cannot carry")
    }

    @Test func decodeRefusesWhatIsNeitherPlainNorBase64() {
        #expect(RoutingHeaders.decode("héllo") == nil, "non-ASCII travels as base64")
        #expect(RoutingHeaders.decode(" echo") == nil)
        #expect(RoutingHeaders.decode("echo ") == nil)
        #expect(RoutingHeaders.decode("a\tb") == nil, "control characters")
        #expect(RoutingHeaders.decode("=?base64?!!!?=") == nil, "not base64")
        #expect(RoutingHeaders.decode("=?base64?/w==?=") == nil, "base64 of bytes that are not UTF-8")
    }

    // MARK: mismatch

    @Test func agreeingHeadersPass() {
        #expect(headers().mismatch(method: "tools/call", params: call, envelopeVersion: "2026-07-28") == nil)
        #expect(
            headers(name: "=?base64?ZWNobw==?=").mismatch(
                method: "tools/call", params: call, envelopeVersion: "2026-07-28") == nil,
            "a base64 Mcp-Name is decoded before comparing")
        #expect(
            headers(method: "tools/list", name: nil).mismatch(
                method: "tools/list", params: nil, envelopeVersion: "2026-07-28") == nil,
            "tools/list needs no Mcp-Name")
        #expect(
            headers(method: "=?base64?dG9vbHMvbGlzdA==?=", name: nil).mismatch(
                method: "tools/list", params: nil, envelopeVersion: "2026-07-28") == nil)
    }

    @Test func eachDisagreementIsAHeaderMismatch() {
        let cases: [(RoutingHeaders, String)] = [
            (headers(version: nil), "no MCP-Protocol-Version"),
            (headers(version: "2025-11-25"), "a version other than the body's"),
            (headers(method: nil), "no Mcp-Method"),
            (headers(method: "tools/list"), "another method"),
            (headers(method: " tools/call"), "a malformed Mcp-Method"),
            (headers(name: nil), "no Mcp-Name on tools/call"),
            (headers(name: "other"), "another name"),
            (headers(name: "=?base64?b3RoZXI=?="), "another name, base64"),
            (headers(name: "=?base64?***?="), "a malformed Mcp-Name"),
        ]
        for (routing, what) in cases {
            let error = routing.mismatch(method: "tools/call", params: call, envelopeVersion: "2026-07-28")
            #expect(code(error) == -32020, "\(what)")
            #expect(error?.message.hasPrefix("Header mismatch: ") == true, "\(what)")
        }
        let repeated = headers(version: nil, repeated: ["Mcp-Name", "Mcp-Method"]).repetition
        #expect(code(repeated) == -32020)
        #expect(repeated?.message.contains("Mcp-Name appears more than once") == true, "the first repeat is named")
        #expect(headers().repetition == nil)
    }

    @Test func resourcesReadIsNamedByItsURI() {
        let params: JSONValue = ["uri": "file:///a.txt"]
        let read = headers(method: "resources/read", name: "file:///a.txt")
        #expect(read.mismatch(method: "resources/read", params: params, envelopeVersion: "2026-07-28") == nil)
        let other = headers(method: "resources/read", name: "file:///b.txt")
        #expect(code(other.mismatch(method: "resources/read", params: params, envelopeVersion: "2026-07-28")) == -32020)
        let none = headers(method: "resources/read", name: nil)
        #expect(code(none.mismatch(method: "resources/read", params: params, envelopeVersion: "2026-07-28")) == -32020)
        let prompt = headers(method: "prompts/get", name: nil)
        #expect(
            code(prompt.mismatch(method: "prompts/get", params: ["name": "p"], envelopeVersion: "2026-07-28"))
                == -32020)
    }

    // MARK: paramMismatch

    let mirrored = [
        HeaderArgument(property: "region", token: "Region"), HeaderArgument(property: "count", token: "Count"),
        HeaderArgument(property: "dry", token: "Dry-Run"),
    ]

    @Test func parameterHeadersMatchTheirArguments() {
        let arguments: JSONValue = ["region": "us-west1", "count": 7, "dry": true, "text": "hi"]
        let all = headers(params: ["region": "us-west1", "count": "007", "dry-run": "true"])
        #expect(all.paramMismatch(mirrored, arguments: arguments) == nil, "integers compare as numbers")
        let encoded = headers(params: ["region": "=?base64?dXMtd2VzdDE=?=", "count": "7", "dry-run": "true"])
        #expect(encoded.paramMismatch(mirrored, arguments: arguments) == nil)
        #expect(headers().paramMismatch(mirrored, arguments: ["text": "hi"]) == nil, "nothing mirrored is set")
        #expect(
            headers().paramMismatch(mirrored, arguments: ["region": nil]) == nil, "a null argument is not set")
        #expect(
            headers(params: ["other": "x"]).paramMismatch(mirrored, arguments: [:]) == nil,
            "headers of arguments not mirrored are ignored")
        #expect(headers(params: ["region": "x"]).paramMismatch([], arguments: [:]) == nil)
    }

    @Test func parameterHeadersThatDisagreeAreRefused() {
        let cases: [([String: String], JSONValue, String)] = [
            ([:], ["region": "us-west1"], "missing while the argument is set"),
            (["region": "us-west1"], [:], "sent without the argument"),
            (["region": "us-east1"], ["region": "us-west1"], "another string"),
            (["region": "US-WEST1"], ["region": "us-west1"], "values are case-sensitive"),
            (["count": "8"], ["count": 7], "another integer"),
            (["count": "seven"], ["count": 7], "not an integer"),
            (["dry-run": "false"], ["dry": true], "another boolean"),
            (["dry-run": "True"], ["dry": true], "booleans are lowercase"),
            (["dry-run": "1"], ["dry": true], "booleans are words"),
            (["region": " us-west1"], ["region": "us-west1"], "malformed"),
        ]
        for (params, arguments, what) in cases {
            #expect(code(headers(params: params).paramMismatch(mirrored, arguments: arguments)) == -32020, "\(what)")
        }
        let missing = headers().paramMismatch(mirrored, arguments: ["count": 1])
        #expect(missing?.message.contains("Mcp-Param-Count") == true, "the header is named as the tool declares it")
    }

    @Test func declaredHeaderArgumentsAreStringIntegerOrBooleanProperties() throws {
        let schema = try JSONValue.parse(
            Array(
                #"""
                {"type":"object","properties":{
                 "region":{"type":"string","x-mcp-header":"Region"},
                 "count":{"type":"integer","x-mcp-header":"Count"},
                 "dry":{"type":"boolean","x-mcp-header":"Dry-Run"},
                 "ratio":{"type":"number","x-mcp-header":"Ratio"},
                 "tags":{"type":"array","x-mcp-header":"Tags"},
                 "nested":{"type":"object","x-mcp-header":"Nested","properties":{"inner":{"type":"string","x-mcp-header":"Inner"}}},
                 "empty":{"type":"string","x-mcp-header":""},
                 "flag":{"type":"string","x-mcp-header":true},
                 "plain":{"type":"string"}
                },
                "x-mcp-header":"Top"}
                """#.utf8))
        #expect(
            HeaderArgument.declared(in: schema) == [
                HeaderArgument(property: "count", token: "Count"), HeaderArgument(property: "dry", token: "Dry-Run"),
                HeaderArgument(property: "region", token: "Region"),
            ])
        #expect(HeaderArgument.declared(in: ["type": "object"]) == [])
        let tool = try Tool.decode(
            ["name": "echo", "integration": "memory", "inputSchema": schema], provider: "memory"
        ).get()
        #expect(tool.headerArguments.map(\.token) == ["Count", "Dry-Run", "Region"])
    }

    // MARK: from HTTP fields

    func fields(_ pairs: [(String, String)]) throws -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs {
            fields.append(HTTPFields.Element(name: try #require(HTTPFields.Element.Name(name)), value: value))
        }
        return fields
    }

    @Test func fieldsAreCollectedWithoutCase() throws {
        let routing = RoutingHeaders(
            try fields([
                ("mcp-protocol-version", "2026-07-28"), ("MCP-METHOD", "tools/call"), ("Mcp-Name", "echo"),
                ("Mcp-Param-Region", "us-west1"), ("mcp-param-DRY-RUN", "true"), ("Mcp-Param-", "x"),
                ("Mcp-Session-Id", "ignored"), ("Content-Type", "application/json"),
            ]))
        #expect(routing.version == "2026-07-28")
        #expect(routing.method == "tools/call")
        #expect(routing.name == "echo")
        #expect(routing.params == ["region": "us-west1", "dry-run": "true"])
        #expect(routing.repeated.isEmpty)
        #expect(RoutingHeaders(HTTPFields()) == RoutingHeaders())
    }

    @Test func repeatedFieldsAreRecorded() throws {
        let routing = RoutingHeaders(
            try fields([
                ("Mcp-Method", "tools/call"), ("mcp-method", "tools/list"), ("Mcp-Param-Region", "a"),
                ("MCP-PARAM-REGION", "b"), ("Mcp-Session-Id", "1"), ("Mcp-Session-Id", "2"),
            ]))
        #expect(routing.repeated == ["Mcp-Method", "Mcp-Param-Region"], "Mcp-Session-Id is no routing header")
        #expect(code(routing.mismatch(method: "tools/call", params: nil, envelopeVersion: "2026-07-28")) == -32020)
        let thrice = RoutingHeaders(
            try fields([("Mcp-Name", "a"), ("mcp-name", "b"), ("MCP-NAME", "c"), ("MCP-Protocol-Version", "x")]))
        #expect(thrice.repeated == ["Mcp-Name"], "one entry, named as first seen")
    }
}
