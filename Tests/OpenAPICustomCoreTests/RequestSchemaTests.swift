import JSONSchema
import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Read-only properties leave request schemas; discriminators select their branch.
@Suite struct RequestSchemaTests {
    static let components: JSONValue = [
        "schemas": [
            "Base": [
                "type": "object", "required": ["id", "created"],
                "properties": [
                    "id": ["type": "string", "readOnly": true],
                    "created": ["$ref": "#/components/schemas/Timestamp"],
                    "secret": ["type": "string", "writeOnly": true],
                ],
            ],
            "Timestamp": ["type": "string", "readOnly": true],
            "Item": [
                "allOf": [
                    ["$ref": "#/components/schemas/Base"],
                    ["type": "object", "required": ["id", "name"], "properties": ["name": ["type": "string"]]],
                ]
            ],
            "Order": [
                "type": "object", "required": ["id", "items"],
                "properties": [
                    "id": ["type": "integer", "readOnly": true],
                    "items": ["type": "array", "items": ["$ref": "#/components/schemas/Item"]],
                    "owner": ["$ref": "#/components/schemas/Base"],
                ],
            ],
        ]
    ]

    static func bodySchema(_ ref: String) throws -> JSONValue {
        let document = Fixture.document(
            [
                "/orders": [
                    "post": [
                        "summary": "Create order", "responses": [:],
                        "requestBody": [
                            "required": true, "content": ["application/json": ["schema": ["$ref": .string(ref)]]],
                        ],
                    ]
                ]
            ], components: components)
        let (spec, _) = Fixture.spec(document)
        return try #require(spec.tools.first?.inputSchema["properties"]?["body"])
    }

    @Test func readOnlyPropertiesLeaveRequestsAtAnyDepth() throws {
        let schema = try Self.bodySchema("#/components/schemas/Order")
        let validator = try JSONSchemaValidator(schema: schema)
        // A create call without the server-made ids is valid; the secret (write-only) stays.
        let order: JSONValue = ["items": [["name": "pen", "secret": "s"]], "owner": [:]]
        #expect(validator.validate(order).isEmpty, "\(validator.validate(order)) \(schema)")
        #expect(schema["properties"]?["id"] == nil)
        #expect(schema["required"] == ["items"])
        let item = try #require(schema["properties"]?["items"]?["items"])
        let text = String(decoding: item.encoded(), as: UTF8.self)
        #expect(!text.contains("\"id\"") && !text.contains("created"), "\(text)")
        #expect(text.contains("secret"))
        #expect(schema["properties"]?["owner"]?["required"] == nil)
    }

    /// The Pet/Cat/Dog example of OAS 3.0.3 §4.7.25 ("Models with Polymorphism Support").
    static let pets: JSONValue = [
        "schemas": [
            "Pet": [
                "type": "object", "required": ["petType"], "properties": ["petType": ["type": "string"]],
                "discriminator": ["propertyName": "petType"],
            ],
            "Cat": [
                "allOf": [
                    ["$ref": "#/components/schemas/Pet"],
                    ["type": "object", "properties": ["name": ["type": "string"]]],
                ]
            ],
            "Dog": [
                "allOf": [
                    ["$ref": "#/components/schemas/Pet"],
                    ["type": "object", "properties": ["bark": ["type": "string"]]],
                ]
            ],
            "Lizard": [
                "allOf": [
                    ["$ref": "#/components/schemas/Pet"],
                    ["type": "object", "required": ["lovesRocks"], "properties": ["lovesRocks": ["type": "boolean"]]],
                ]
            ],
        ]
    ]

    static func petSchema(_ key: String, mapping: JSONValue? = nil) throws -> JSONValue {
        var discriminator: [String: JSONValue] = ["propertyName": "petType"]
        if let mapping { discriminator["mapping"] = mapping }
        let body: JSONValue = [
            .init(stringLiteral: key): [
                ["$ref": "#/components/schemas/Cat"], ["$ref": "#/components/schemas/Dog"],
                ["$ref": "#/components/schemas/Lizard"],
            ],
            "discriminator": .object(discriminator),
        ]
        let document = Fixture.document(
            [
                "/pets": [
                    "patch": [
                        "summary": "Update pet", "responses": [:],
                        "requestBody": ["content": ["application/json": ["schema": body]]],
                    ]
                ]
            ], components: pets)
        let (spec, _) = Fixture.spec(document)
        return try #require(spec.tools.first?.inputSchema["properties"]?["body"])
    }

    @Test(arguments: ["oneOf", "anyOf"])
    func theDiscriminatorSelectsTheBranch(_ key: String) throws {
        let validator = try JSONSchemaValidator(schema: Self.petSchema(key))
        #expect(validator.isValid(["petType": "Cat", "name": "Misty"]), "matched 3 before")
        #expect(validator.isValid(["petType": "Dog", "bark": "loud"]))
        #expect(validator.isValid(["petType": "Lizard", "lovesRocks": true]))
        #expect(!validator.isValid(["petType": "Lizard"]), "the Lizard branch requires lovesRocks")
        #expect(!validator.isValid(["petType": "Fish"]), "no such branch")
        #expect(!validator.isValid(["name": "Misty"]), "the property is required")
    }

    @Test func anExplicitMappingNamesTheValues() throws {
        let validator = try JSONSchemaValidator(
            schema: Self.petSchema(
                "oneOf",
                mapping: ["cat": "#/components/schemas/Cat", "kitten": "#/components/schemas/Cat", "dog": "Dog"]))
        #expect(validator.isValid(["petType": "cat"]))
        #expect(validator.isValid(["petType": "kitten"]))
        #expect(validator.isValid(["petType": "dog"]))
        #expect(validator.isValid(["petType": "Lizard", "lovesRocks": false]), "unmapped branches keep their name")
        #expect(!validator.isValid(["petType": "Cat"]), "a mapped schema is known by its mapping values")
        #expect(!validator.isValid(["petType": "Lizard"]))
    }
}
