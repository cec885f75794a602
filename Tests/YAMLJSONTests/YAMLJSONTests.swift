import JSONCore
import Testing
import YAMLJSON

/// Whole YAML texts as JSON: quoting, tags, anchors, merge keys, errors.
@Suite struct YAMLJSONTests {
    @Test func anEnumOfYesNoMaybeStaysStrings() throws {
        let value = try YAMLJSON.parse("type: string\nenum: [yes, no, maybe]\n")
        #expect(value == ["type": "string", "enum": ["yes", "no", "maybe"]])
    }

    @Test func anUnquotedDateDefaultStaysTheDate() throws {
        let value = try YAMLJSON.parse("name: X-GitHub-Api-Version\nschema:\n  default: 2022-11-28\n  mode: 0755\n")
        #expect(value["schema"] == ["default": "2022-11-28", "mode": "0755"])
    }

    @Test func quotedScalarsAreStrings() throws {
        let value = try YAMLJSON.parse("a: \"true\"\nb: '12'\nc: \"null\"\nd: |\n  42\ne: >\n  yes\n")
        #expect(value == ["a": "true", "b": "12", "c": "null", "d": "42\n", "e": "yes\n"])
    }

    @Test func explicitTagsDecide() throws {
        let value = try YAMLJSON.parse(
            "a: !!str 12\nb: !!int \"7\"\nc: !!float 3\nd: !!bool true\ne: !!null ~\nf: ! 5\n")
        #expect(value == ["a": "12", "b": 7, "c": 3.0, "d": true, "e": nil, "f": "5"])
        #expect(throws: YAMLJSONError.self) { try YAMLJSON.parse("a: !!int abc\n") }
    }

    @Test func keysAreTextWhateverTheyLookLike() throws {
        let value = try YAMLJSON.parse("responses:\n  200: {description: ok}\n  default: {description: x}\nyes: 1\n")
        #expect(value["responses"]?["200"] == ["description": "ok"])
        #expect(value["yes"] == 1)
    }

    @Test func aliasesAndMergeKeys() throws {
        let text = """
            base: &base {type: object, description: base}
            extra: &extra {nullable: true}
            one: *base
            two:
              <<: *base
              description: mine
            three:
              <<: [*extra, *base]
            """
        let value = try YAMLJSON.parse(text)
        #expect(value["one"] == ["type": "object", "description": "base"])
        #expect(value["two"] == ["type": "object", "description": "mine"])
        #expect(value["three"] == ["type": "object", "description": "base", "nullable": true])
        #expect(throws: YAMLJSONError.self) { try YAMLJSON.parse("a:\n  <<: 5\n") }
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        do {
            _ = try YAMLJSON.parse("openapi: 3.0.0\ninfo: {title: broken\n  version: [\n")
            Issue.record("expected an error")
        } catch let error as YAMLJSONError {
            #expect(error.kind == .syntax)
            #expect(error.line != nil)
            #expect(error.description.hasPrefix("\(error.line!):"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: YAMLJSONError.self) { try YAMLJSON.parse("") }
        #expect((try? YAMLJSON.parse("a: 1")) == ["a": 1])
    }

    @Test func nestedSequencesAndNulls() throws {
        let value = try YAMLJSON.parse("- [1, 2.5, ~]\n- key:\n- {a: }\n")
        #expect(value == [[1, 2.5, nil], ["key": nil], ["a": nil]])
    }
}
