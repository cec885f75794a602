import ProviderKit
import Testing

@testable import OpenAPICustomCore

/// Titles and MCP annotations of operations.
@Suite struct OperationHintsTests {
    static func operation(
        _ summary: String?, _ operationID: String? = nil, method: String = "get", path: String = "/x",
        integration: String = "acme"
    ) -> ToolNaming.Operation {
        .init(integration: integration, summary: summary, operationID: operationID, method: method, path: path)
    }

    @Test func theMethodDecidesTheAnnotations() {
        let cases: [(String, OperationHints)] = [
            ("GET", .init(readOnly: true, destructive: false, idempotent: true)),
            ("head", .init(readOnly: true, destructive: false, idempotent: true)),
            ("PUT", .init(readOnly: false, destructive: true, idempotent: true)),
            ("DELETE", .init(readOnly: false, destructive: true, idempotent: true)),
            ("PATCH", .init(readOnly: false, destructive: true, idempotent: false)),
            ("POST", .init(readOnly: false, destructive: false, idempotent: false)),
            ("TRACE", .init(readOnly: false, destructive: true, idempotent: false)),
        ]
        for (method, expected) in cases {
            #expect(OperationHints(method: method) == expected, "\(method)")
            #expect(OperationHints(method: method).annotations["openWorldHint"] == true)
        }
        #expect(
            OperationHints(method: "GET").annotations
                == ["readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": true])
    }

    @Test func titlesAreTheSummaryElseTheSpacedOperationIdElseMethodAndPath() {
        #expect(OperationHints.title(Self.operation(" Get an artist ")) == "Acme: Get an artist")
        #expect(OperationHints.title(Self.operation(nil, "listPets")) == "Acme: List Pets")
        #expect(OperationHints.title(Self.operation("", "get_user-byID")) == "Acme: Get User By ID")
        #expect(
            OperationHints.title(Self.operation(nil, path: "/pets/{id}", integration: "custom.petStore"))
                == "Pet Store: GET /pets/{id}")
        #expect(
            OperationHints.title(Self.operation("List events", integration: "googleCalendar"))
                == "Google Calendar: List events")
    }

    @Test func theDescriptorCarriesTitleAndAnnotations() throws {
        let spec = Fixture.spec(
            Fixture.document([
                "/pets/{id}": [
                    "delete": ["operationId": "deletePet", "responses": ["204": ["description": "gone"]]]
                ]
            ]),
            as: "custom.petStore"
        ).spec
        let descriptor = try #require(spec.tools.first).descriptor
        #expect(descriptor.title == "Pet Store: Delete Pet")
        #expect(descriptor.annotations == OperationHints(method: "DELETE").annotations)
        #expect(descriptor.annotations?["destructiveHint"] == true)
    }
}
