import ProviderKit
import Testing

@testable import ActionKitCore

/// Every listed ActionKit input schema has `properties` (OpenAI's function calling refuses one
/// without).
@Suite struct InputSchemaTests {
    @Test func schemasWithoutPropertiesGetThem() {
        #expect(InputSchema.withProperties(nil) == ["type": "object", "properties": [:]])
        #expect(InputSchema.withProperties(["type": "object"]) == ["type": "object", "properties": [:]])
        #expect(InputSchema.withProperties([:]) == ["type": "object", "properties": [:]])
        #expect(InputSchema.withProperties("nonsense") == ["type": "object", "properties": [:]])
        let full: JSONValue = ["type": "object", "properties": ["a": ["type": "string"]], "required": ["a"]]
        #expect(InputSchema.withProperties(full) == full)
    }

    @Test func actionsAreReadFromTheListing() {
        let action = ActionKitAction(["type": "function", "function": ["name": "SLACK_X", "description": "d"]])
        #expect(action?.name == "SLACK_X" && action?.parameters == nil)
        #expect(ActionKitAction(["type": "function"]) == nil)
    }

    @Test func retriesBackOffAndHonourRetryAfter() {
        #expect(Retry.delay(attempt: 1, retryAfter: nil) == .milliseconds(200))
        #expect(Retry.delay(attempt: 2, retryAfter: nil) == .milliseconds(400))
        #expect(Retry.delay(attempt: 1, retryAfter: "2") == .seconds(2))
        #expect(Retry.delay(attempt: Retry.maxAttempts, retryAfter: nil) == nil)
    }
}
