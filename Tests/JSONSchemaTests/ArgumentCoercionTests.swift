import JSONCore
import JSONSchema
import Testing

/// Lenient arguments: exact numeric and boolean strings, and nulls for optional properties.
@Suite struct ArgumentCoercionTests {
    static func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "limit": ["type": "integer"], "ratio": ["type": "number"], "unfurl": ["type": "boolean"],
            "name": ["type": "string"], "either": ["type": ["integer", "string"]],
            "maybe": ["type": ["integer", "null"]], "note": ["type": "string"],
            "nested": ["type": "object", "properties": ["count": ["type": "integer"], "tag": ["type": "string"]]],
            "ids": ["type": "array", "items": ["type": "integer"]],
            "ref": ["$ref": "#/$defs/flag"],
        ],
        "required": ["name"],
        "$defs": ["flag": ["type": "boolean"]],
    ]

    @Test func exactNumericAndBooleanStringsBecomeWhatTheSchemaAsks() throws {
        let coerced = ArgumentCoercion.apply(
            try Self.json(
                #"{"limit":"5","ratio":"2.5","unfurl":"false","ids":["1","-2"],"nested":{"count":"7"},"ref":"true"}"#),
            schema: Self.schema)
        #expect(
            coerced
                == (try Self.json(
                    #"{"limit":5,"ratio":2.5,"unfurl":false,"ids":[1,-2],"nested":{"count":7},"ref":true}"#)))
    }

    @Test func anythingNotExactlyANumberOrBooleanStays() throws {
        for value in [#"" 5""#, #""5.0""#, #""05""#, #""1e3""#, #""yes""#, #""True""#, #""""#, #""0x10""#] {
            let arguments = try Self.json(#"{"limit":\#(value),"unfurl":\#(value)}"#)
            #expect(ArgumentCoercion.apply(arguments, schema: Self.schema) == arguments, "\(value)")
        }
        // A number schema takes every JSON number form.
        #expect(
            ArgumentCoercion.apply(try Self.json(#"{"ratio":"1e3"}"#), schema: Self.schema)
                == (try Self.json(#"{"ratio":1000.0}"#)))
    }

    @Test func stringsStayWhereAStringIsAllowed() throws {
        let arguments = try Self.json(#"{"name":"42","either":"42","note":"true","nested":{"tag":"1"}}"#)
        #expect(ArgumentCoercion.apply(arguments, schema: Self.schema) == arguments)
    }

    @Test func nullForAnOptionalNonNullablePropertyIsLeftOut() throws {
        let coerced = ArgumentCoercion.apply(
            try Self.json(#"{"name":"n","limit":null,"maybe":null,"nested":{"count":null},"extra":null}"#),
            schema: Self.schema)
        // `maybe` allows null, `extra` is not described, `name` is required: those stay.
        #expect(coerced == (try Self.json(#"{"name":"n","maybe":null,"nested":{},"extra":null}"#)))
        let required = try Self.json(#"{"name":null}"#)
        #expect(ArgumentCoercion.apply(required, schema: Self.schema) == required)
    }

    @Test func nullableForms() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "openapi": ["type": "string", "nullable": true],
                "anyOf": ["anyOf": [["type": "string"], ["type": "null"]]],
                "enum": ["enum": ["a", .null]], "plain": ["type": "string"], "untyped": ["description": "anything"],
            ],
        ]
        let arguments = try Self.json(#"{"openapi":null,"anyOf":null,"enum":null,"plain":null,"untyped":null}"#)
        #expect(
            ArgumentCoercion.apply(arguments, schema: schema)
                == (try Self.json(#"{"openapi":null,"anyOf":null,"enum":null,"untyped":null}"#)))
    }

    @Test func branchesAreFollowedOnlyWhenOneCanTakeTheValue() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "one": ["anyOf": [["type": "integer"], ["type": "null"]]],
                "two": ["oneOf": [["type": "integer"], ["type": "boolean"]]],
                "text": ["anyOf": [["type": "integer"], ["type": "string"]]],
            ],
        ]
        let coerced = ArgumentCoercion.apply(
            try Self.json(#"{"one":"3","two":"true","text":"3"}"#), schema: schema)
        #expect(coerced == (try Self.json(#"{"one":3,"two":true,"text":"3"}"#)))
    }

    @Test func recursiveSchemasEnd() throws {
        let schema: JSONValue = [
            "$ref": "#/$defs/node",
            "$defs": [
                "node": ["type": "object", "properties": ["n": ["type": "integer"], "next": ["$ref": "#/$defs/node"]]]
            ],
        ]
        let coerced = ArgumentCoercion.apply(
            try Self.json(#"{"n":"1","next":{"n":"2","next":{"n":"3"}}}"#), schema: schema)
        #expect(coerced == (try Self.json(#"{"n":1,"next":{"n":2,"next":{"n":3}}}"#)))
    }
}
