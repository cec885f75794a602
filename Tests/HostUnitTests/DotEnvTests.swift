import Testing

@testable import Application

/// `.env` as dotenv and Node's --env-file read it.
@Suite struct DotEnvTests {
    @Test func quotedValuesMaySpanLines() throws {
        let text = """
            SIGNING_KEY="-----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
            -----END PRIVATE KEY-----"
            SINGLE='line one
            line two'
            TICKS=`a
            b`
            AFTER=plain # comment
            """
        let env = try DotEnv.parse(text, path: ".env")
        #expect(
            env.entries["SIGNING_KEY"]?.value
                == "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----")
        #expect(env.entries["SIGNING_KEY"]?.line == 1)
        #expect(env.entries["SINGLE"]?.value == "line one\nline two")
        #expect(env.entries["TICKS"]?.value == "a\nb")
        #expect(env.entries["AFTER"]?.value == "plain")
        #expect(env.entries["AFTER"]?.line == 8)
    }

    @Test func aByteOrderMarkAndWindowsLineEndsAreRead() throws {
        let env = try DotEnv.parse("\u{FEFF}PORT=4000\r\nHOST=0.0.0.0\r\nKEY=\"a\r\nb\"\r\n", path: ".env")
        #expect(env.entries["PORT"]?.value == "4000")
        #expect(env.entries["HOST"]?.value == "0.0.0.0")
        #expect(env.entries["KEY"]?.value == "a\nb")
    }

    @Test func anUnclosedQuoteNamesItsLine() {
        #expect {
            try DotEnv.parse("A=1\nB=\"never closed\nC=3\n", path: "/x/.env")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.location == .file(path: "/x/.env", line: 2, column: 1) && error.key == "B"
        }
    }

    @Test func escapesInDoubleQuotesStillWork() throws {
        let env = try DotEnv.parse(#"A="x\"y\nz" "#, path: ".env")
        #expect(env.entries["A"]?.value == "x\"y\nz")
    }
}

extension DotEnvTests {
    @Test func aQuoteLeftOpenDoesNotSwallowTheNextVariable() {
        #expect {
            try DotEnv.parse("A=\"x\nB=\"y\"\n", path: "/x/.env")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == "A" && error.location == .file(path: "/x/.env", line: 1, column: 1)
        }
    }
}
