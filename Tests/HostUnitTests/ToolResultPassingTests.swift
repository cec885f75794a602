import Testing

@testable import MCPCore

/// A provider's result goes to the client as its bytes when nothing in it needs changing.
@Suite struct ToolResultPassingTests {
    func passed(_ text: String, _ version: String = "2025-06-18") -> Bool {
        ToolCallResponse.passedOn(Array(text.utf8), version: version) != nil
    }

    @Test func wellFormedResultsPassAsTheyAre() {
        #expect(passed(#"{"content":[{"type":"text","text":"ok"}]}"#))
        #expect(passed(#"{"content":[],"isError":true}"#))
        #expect(passed(#"{"content":[],"structuredContent":{"a":1}}"#))
    }

    @Test func resultsThatNeedChangingAreRebuilt() {
        // isError false is dropped, unknown members are dropped, structured content needs 2025-06-18,
        // audio becomes a resource before 2025-03-26, and garbage is an invalid result.
        #expect(!passed(#"{"content":[],"isError":false}"#))
        #expect(!passed(#"{"content":[],"_meta":{}}"#))
        #expect(!passed(#"{"content":[],"structuredContent":{"a":1}}"#, "2025-03-26"))
        #expect(!passed(#"{"content":[{"type":"audio","data":"","mimeType":"audio/wav"}]}"#, "2024-11-05"))
        #expect(!passed(#"{"content":{}}"#))
        #expect(!passed(#"{"content":[}"#))
        // Line breaks would cut a stdio line or an SSE data field; a repeated member reads two ways.
        #expect(!passed("{\"content\":\n[]}"))
        #expect(!passed(#"{"content":"x","content":[]}"#))
    }
}
