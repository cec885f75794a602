import Foundation
import JSONCore
import Testing

/// The JSON reader and writer every message goes through.
@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONValue.parse(
            Array(#" {"a": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null], "b": {"c": "d"}, "e": ""} "#.utf8))
        #expect(
            value
                == [
                    "a": [1, -2, 3.5, 1000.0, -0.0025, true, false, nil], "b": ["c": "d"], "e": "",
                ])
        #expect(try JSONValue.parse(Array("9223372036854775807".utf8)) == .integer(Int.max))
        #expect(try JSONValue.parse(Array("9223372036854775808".utf8)) == .number(9_223_372_036_854_775_808))
    }

    @Test func readsEscapesAndUnicode() throws {
        let text = #""\"\\\/\b\f\n\r\t\u00e9\u20ac\ud83d\ude00 é€😀""#
        #expect(try JSONValue.parse(Array(text.utf8)) == .string("\"\\/\u{8}\u{c}\n\r\té€😀 é€😀"))
    }

    @Test func refusesWhatIsNotJSON() {
        let bad = [
            "", " ", "{", "[1,]", "{\"a\":1,}", "{a:1}", "'a'", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
            "\"a", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"a\u{1}b\"", "[1] 2", "NaN", "{\"a\" 1}", "[1 2]",
            String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for text in bad {
            #expect(throws: JSONParseError.self, "\(text.prefix(20))") { try JSONValue.parse(Array(text.utf8)) }
        }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func writesCompactSortedAndReadsBackTheSame() throws {
        let value: JSONValue = [
            "z": "line\nbreak \"quoted\" back\\slash / tab\t \u{1} é😀", "a": [1, 2.5, -3, true, nil],
            "m": ["nested": [:], "list": []], "big": 1e300, "whole": 3.0,
        ]
        let text = String(decoding: value.encoded(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"a":[1,2.5,-3,true,null],"big":1e+300,"m":{"list":[],"nested":{}},"whole":3,"z":"#))
        #expect(text.contains(#""line\nbreak \"quoted\" back\\slash / tab\t \u0001 é😀""#))
        let back = try JSONValue.parse(value.encoded())
        #expect(back["z"] == value["z"] && back["a"] == value["a"] && back["m"] == value["m"])
        // Foundation reads what it writes.
        #expect(try JSONSerialization.jsonObject(with: Data(value.encoded())) is [String: Any])
    }
}
