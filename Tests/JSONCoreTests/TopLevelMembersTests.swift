import JSONCore
import Testing

/// Skimming a document: the top-level members' byte ranges, the whole checked as `parse` checks.
@Suite struct TopLevelMembersTests {
    @Test func membersAreTheirValuesBytes() throws {
        let bytes = Array(#"{"content": [{"type":"text","text":"h\u00e9 \"x\""}], "isError":true , "n": -1.5e3}"#.utf8)
        let members = try #require(try JSONValue.topLevelMembers(bytes))
        #expect(members.keys.sorted() == ["content", "isError", "n"])
        #expect(String(decoding: bytes[members["isError"]!], as: UTF8.self) == "true")
        #expect(String(decoding: bytes[members["n"]!], as: UTF8.self) == "-1.5e3")
        #expect(try JSONValue.parse(bytes[members["content"]!])[0]?["text"] == "hé \"x\"")
    }

    @Test func anythingParseRefusesIsRefused() {
        for text in [
            #"{"a": [1, 2,]}"#, #"{"a": "\x"}"#, "{\"a\": \"tab\there\"}", #"{"a": {"b" 1}}"#, #"{"a": 1} x"#,
            #"{"a": tru}"#, #"{"a": 01}"#, #"{"a": 1, "a": 2}"#,
        ] {
            #expect(throws: (any Error).self, "\(text)") { try JSONValue.topLevelMembers(Array(text.utf8)) }
        }
        #expect(throws: (any Error).self) {
            try JSONValue.topLevelMembers([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])
        }
    }

    @Test func aTopLevelOtherThanAnObjectIsNil() throws {
        #expect(try JSONValue.topLevelMembers(Array("[1]".utf8)) == nil)
        #expect(try JSONValue.topLevelMembers(Array(#""x""#.utf8)) == nil)
    }
}
