import ProviderKit
import Testing

@testable import ActionKitCore

/// Actions as ActionKit lists them, and the listing's retries.
@Suite struct ActionListingTests {
    @Test func actionsAreReadFromTheListing() {
        let action = ActionKitAction(["type": "function", "function": ["name": "SLACK_X", "description": "d"]])
        #expect(action?.name == "SLACK_X" && action?.parameters == nil)
        #expect(ActionKitAction(["type": "function"]) == nil)
    }

    /// A schema object is listed as it is (the host adds `properties` where missing); anything
    /// else as an object schema, so the tool is still listed.
    @Test func theInputSchemaIsAnObjectSchema() {
        func schema(_ parameters: JSONValue?) -> JSONValue? {
            var function: [String: JSONValue] = ["name": "SLACK_X"]
            function["parameters"] = parameters
            return ActionKitAction(["type": "function", "function": .object(function)])?.inputSchema
        }
        let full: JSONValue = ["type": "object", "properties": ["a": ["type": "string"]], "required": ["a"]]
        #expect(schema(full) == full)
        #expect(schema(["type": "object"]) == ["type": "object"])
        #expect(schema(nil) == ["type": "object"])
        #expect(schema("nonsense") == ["type": "object"])
    }

    @Test func retriesBackOffAndHonourRetryAfter() {
        #expect(Retry.delay(attempt: 1, retryAfter: nil) == .milliseconds(200))
        #expect(Retry.delay(attempt: 2, retryAfter: nil) == .milliseconds(400))
        #expect(Retry.delay(attempt: 1, retryAfter: "2") == .seconds(2))
        #expect(Retry.delay(attempt: Retry.maxAttempts, retryAfter: nil) == nil)
    }
}
