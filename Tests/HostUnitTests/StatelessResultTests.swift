import JSONCore
import Testing

@testable import MCPCore

/// What every 2026-07-28 result carries: `resultType` and the server-info stamp, added to a
/// value or spliced into serialized bytes.
@Suite struct StatelessResultTests {
    let serverInfo: JSONValue = [
        "name": .string(MCPDispatcher.serverName), "version": .string(HostVersion.current),
    ]

    /// The members of serialized `bytes`, each refused if named twice, parsed.
    func members(_ bytes: [UInt8]) throws -> [String: JSONValue] {
        let ranges = try #require(try JSONValue.topLevelMembers(bytes), "an object")
        return try ranges.mapValues { try JSONValue.parse(bytes[$0]) }
    }

    @Test func aValueIsStampedComplete() {
        let stamped = StatelessResult.stamped(["content": []])
        #expect(stamped["resultType"] == "complete")
        #expect(stamped["_meta"]?[RequestEnvelope.serverInfoKey] == serverInfo)
        #expect(stamped["content"] == [])
        #expect(stamped.objectValue?.count == 3)
    }

    @Test func anInputRequiredValueKeepsItsResultType() {
        let stamped = StatelessResult.stamped(["resultType": "input_required", "requestState": "s"])
        #expect(stamped["resultType"] == "input_required")
        #expect(stamped["requestState"] == "s")
        #expect(stamped["_meta"] == StatelessResult.meta)
    }

    @Test func extraMembersAndCacheHintsAreAdded() {
        let stamped = StatelessResult.stamped(["tools": []], extra: StatelessResult.cacheHints(ttlMs: 60_000))
        #expect(stamped["ttlMs"] == 60_000)
        #expect(stamped["cacheScope"] == "private")
        #expect(StatelessResult.cacheHints(ttlMs: -5)["ttlMs"] == 0, "ttlMs is never negative")
        #expect(StatelessResult.stamped([1, 2]) == [1, 2], "not an object: as it is")
    }

    @Test func serializedObjectsAreSplicedInto() throws {
        let content = Array(#"{"content":[{"type":"text","text":"}"}],"isError":true}"#.utf8)
        let stamped = try members(StatelessResult.stamped(serialized: content))
        #expect(stamped.keys.sorted() == ["_meta", "content", "isError", "resultType"])
        #expect(stamped["resultType"] == "complete")
        #expect(stamped["_meta"]?[RequestEnvelope.serverInfoKey] == serverInfo)
        #expect(stamped["content"]?[0]?["text"] == "}")
        #expect(stamped["isError"] == true)
    }

    @Test func anEmptyObjectGetsNoStrayComma() throws {
        for empty in ["{}", "{ }", "{\n}"] {
            let bytes = StatelessResult.stamped(serialized: Array(empty.utf8))
            let stamped = try members(bytes)
            #expect(stamped.keys.sorted() == ["_meta", "resultType"], "\(empty)")
            #expect(!String(decoding: bytes, as: UTF8.self).contains(",,"))
        }
    }

    @Test func trailingWhitespaceIsTolerated() throws {
        let bytes = StatelessResult.stamped(
            serialized: Array("{\"tools\":[] \n}\r\n\t ".utf8), extra: StatelessResult.cacheHints(ttlMs: 5))
        let stamped = try members(bytes)
        #expect(stamped.keys.sorted() == ["_meta", "cacheScope", "resultType", "tools", "ttlMs"])
        #expect(stamped["ttlMs"] == 5)
        #expect(bytes.last == UInt8(ascii: "}"))
    }

    @Test func bytesThatAreNotAnObjectAreLeftAlone() {
        for text in ["[1,2]", "\"text\"", "42", "", "   ", "{\"a\":1", "null"] {
            let bytes = Array(text.utf8)
            #expect(StatelessResult.stamped(serialized: bytes) == bytes, "\(text)")
        }
    }

    @Test func aSplicedListPageWithACursorParsesWithEveryMemberOnce() throws {
        let page = Array(#"{"nextCursor":"abc","tools":[{"name":"a","inputSchema":{"type":"object"}}]}"#.utf8)
        let bytes = StatelessResult.stamped(serialized: page, extra: StatelessResult.cacheHints(ttlMs: 1))
        let stamped = try members(bytes)
        #expect(stamped.count == 6)
        #expect(stamped["nextCursor"] == "abc")
        #expect(try JSONValue.parse(bytes)["tools"]?[0]?["name"] == "a")
    }
}
