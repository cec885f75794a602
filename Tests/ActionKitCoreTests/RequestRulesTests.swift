import ParagonAPI
import Testing

/// The request rules every provider shares (ParagonAPI): percent-encoding, the headers no
/// argument may set or break, and media types. ParagonAPI's tests live in this target, which
/// links it, rather than in one of their own (every test target needs a folder in the image).
@Suite struct RequestRulesTests {
    @Test func percentEncodingKeepsOnlyTheUnreserved() {
        #expect(PercentEncoding.encode("~-._AZaz09") == "~-._AZaz09")
        #expect(PercentEncoding.encode("a b/c?d#e&f=g+h%") == "a%20b%2Fc%3Fd%23e%26f%3Dg%2Bh%25")
        #expect(PercentEncoding.encode("ü") == "%C3%BC")
    }

    /// allowReserved keeps the reserved characters that cannot change the query's shape.
    @Test func allowReservedStillEncodesWhatWouldAddParametersOrAFragment() {
        #expect(PercentEncoding.encode("a/b?c:d@e!$'()*,;", allowReserved: true) == "a/b?c:d@e!$'()*,;")
        #expect(PercentEncoding.encode("x&admin=true", allowReserved: true) == "x%26admin%3Dtrue")
        #expect(PercentEncoding.encode("a+b#frag", allowReserved: true) == "a%2Bb%23frag")
        #expect(PercentEncoding.encode("[0]", allowReserved: true) == "%5B0%5D")
        #expect(PercentEncoding.encode("%20 and %zz", allowReserved: true) == "%20%20and%20%25zz")
    }

    @Test func percentDecoding() {
        #expect(PercentEncoding.decode("%2e%2E") == Array("..".utf8))
        #expect(PercentEncoding.decode("a%2Fb%") == Array("a/b%".utf8))
        #expect(PercentEncoding.decode("%zz") == Array("%zz".utf8))
    }

    @Test func forbiddenHeadersAreOneList() {
        for name in [
            "Authorization", "proxy-authorization", "HOST", "Cookie", "Content-Length", "Transfer-Encoding",
            "Connection", "Keep-Alive", "TE", "Upgrade", "X-Paragon-Proxy-Url", "x-paragon-anything",
        ] {
            #expect(RequestHeaders.isForbidden(name), "\(name)")
        }
        for name in ["Content-Type", "Accept", "X-Request-Id", "Notion-Version", "X-Paragonish"] {
            #expect(!RequestHeaders.isForbidden(name), "\(name)")
        }
    }

    @Test func headerNamesAreTokensAndValuesHaveNoLineBreaks() {
        #expect(RequestHeaders.isValidName("X-Trace_Id.2"))
        #expect(!RequestHeaders.isValidName("") && !RequestHeaders.isValidName("X Trace"))
        #expect(!RequestHeaders.isValidName("X:Y") && !RequestHeaders.isValidName("Ünicode"))
        #expect(RequestHeaders.isValidValue("a b,c;d=\"é\"\t"))
        for value in ["a\r\nX-Evil: 1", "a\nb", "a\rb", "a\u{0}b", "a\u{1B}b", "a\u{7F}"] {
            #expect(!RequestHeaders.isValidValue(value), "\(value.debugDescription)")
        }
    }

    @Test func mediaTypes() {
        let type = MediaType(#"Text/Plain ; Charset="ISO-8859-1"; format=flowed"#)
        #expect(type.essence == "text/plain")
        #expect(type.charset == "iso-8859-1")
        #expect(type.parameters["format"] == "flowed")
        #expect(MediaType(nil).essence == "" && MediaType("").charset == nil)
        for json in ["application/json", "application/problem+json; charset=utf-8", "text/json", "APPLICATION/JSON"] {
            #expect(MediaType(json).isJSON, "\(json)")
        }
        for other in ["application/jsonl", "text/plain", "application/x-www-form-urlencoded", ""] {
            #expect(!MediaType(other).isJSON, "\(other)")
        }
    }
}
