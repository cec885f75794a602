import JSONCore
import Testing

@testable import MCPCore

/// The open `subscriptions/listen` streams: who is told of a tool-list change, keep-alives,
/// and how the streams end.
@Suite struct ListSubscriptionsTests {
    typealias Opened = (stream: AsyncStream<[UInt8]>, token: UInt64)

    /// The frames left on `opened`'s stream once it has ended.
    func remaining(_ opened: Opened) async -> [[UInt8]] {
        var frames: [[UInt8]] = []
        for await frame in opened.stream { frames.append(frame) }
        return frames
    }

    func json(_ frame: [UInt8]) throws -> JSONValue { try JSONValue.parse(frame) }

    func subscriptionID(_ frame: [UInt8]) throws -> JSONValue? {
        try json(frame)["params"]?["_meta"]?[RequestEnvelope.subscriptionIDKey]
    }

    @Test func aChangeReachesOnlyThatUsersListenersThatAskedForIt() async throws {
        let subscriptions = ListSubscriptions()
        let alice = try #require(subscriptions.open(userID: "alice", id: .string("listen-1"), toolsListChanged: true))
        let aliceNumbered = try #require(subscriptions.open(userID: "alice", id: .number(7), toolsListChanged: true))
        let aliceQuiet = try #require(subscriptions.open(userID: "alice", id: .number(8), toolsListChanged: false))
        let bob = try #require(subscriptions.open(userID: "bob", id: .string("b"), toolsListChanged: true))
        #expect(subscriptions.count == 4)
        #expect(subscriptions.toolListChanged(userID: "alice") == 2)
        #expect(subscriptions.toolListChanged(userID: "carol") == 0)
        for opened in [alice, aliceNumbered, aliceQuiet, bob] { subscriptions.close(opened.token) }
        #expect(subscriptions.count == 0)

        let toAlice = await remaining(alice)
        #expect(toAlice.count == 1)
        let frame = try json(try #require(toAlice.first))
        #expect(frame["method"] == "notifications/tools/list_changed")
        #expect(frame["jsonrpc"] == "2.0")
        #expect(frame["id"] == nil, "a notification")
        #expect(try subscriptionID(toAlice[0]) == "listen-1")
        let toNumbered = await remaining(aliceNumbered)
        #expect(try toNumbered.map(subscriptionID) == [7], "a number id stays a number")
        #expect(await remaining(aliceQuiet).isEmpty, "did not ask for tool-list changes")
        #expect(await remaining(bob).isEmpty, "another user")
    }

    @Test func noUserReachesEveryListenerThatAsked() async throws {
        let subscriptions = ListSubscriptions()
        let alice = try #require(subscriptions.open(userID: "alice", id: .number(1), toolsListChanged: true))
        let bob = try #require(subscriptions.open(userID: "bob", id: .number(2), toolsListChanged: true))
        let quiet = try #require(subscriptions.open(userID: "bob", id: .number(3), toolsListChanged: false))
        #expect(subscriptions.toolListChanged() == 2)
        for opened in [alice, bob, quiet] { subscriptions.close(opened.token) }
        #expect(try await remaining(alice).map(subscriptionID) == [1])
        #expect(try await remaining(bob).map(subscriptionID) == [2])
        #expect(await remaining(quiet).isEmpty)
    }

    @Test func aClosedStreamGetsNothingMoreAndPingsAreEmptyFrames() async throws {
        let subscriptions = ListSubscriptions()
        let opened = try #require(subscriptions.open(userID: "alice", id: .number(1), toolsListChanged: true))
        subscriptions.ping(opened.token)
        subscriptions.close(opened.token)
        #expect(subscriptions.toolListChanged(userID: "alice") == 0)
        subscriptions.ping(opened.token)
        subscriptions.close(opened.token)
        #expect(await remaining(opened) == [[]], "one keep-alive, then the end")
        #expect(subscriptions.count == 0)
    }

    @Test func shutdownEndsEachStreamWithAResultAndOpensNoMore() async throws {
        let subscriptions = ListSubscriptions()
        let named = try #require(subscriptions.open(userID: "alice", id: .string("listen-1"), toolsListChanged: true))
        let numbered = try #require(subscriptions.open(userID: "bob", id: .number(4), toolsListChanged: false))
        subscriptions.shutdown()
        #expect(subscriptions.count == 0)
        #expect(subscriptions.open(userID: "alice", id: .number(2), toolsListChanged: true) == nil)
        #expect(subscriptions.toolListChanged() == 0)

        let ended = await remaining(named)
        #expect(ended.count == 1)
        let result = try json(try #require(ended.first))
        #expect(result["id"] == "listen-1")
        #expect(result["result"]?["resultType"] == "complete")
        #expect(result["result"]?["_meta"]?[RequestEnvelope.subscriptionIDKey] == "listen-1")
        #expect(
            result["result"]?["_meta"]?[RequestEnvelope.serverInfoKey]
                == StatelessResult.meta[RequestEnvelope.serverInfoKey],
            "stamped like every result")
        let other = await remaining(numbered)
        #expect(try other.map { try json($0)["result"]?["_meta"]?[RequestEnvelope.subscriptionIDKey] } == [4])
        subscriptions.shutdown()
    }

    @Test func theAcknowledgementNamesTheSubscriptionAndWhatItAskedFor() throws {
        let asked = try json(MCPDispatcher.listenAcknowledgement(.string("listen-1"), toolsListChanged: true))
        #expect(asked["method"] == "notifications/subscriptions/acknowledged")
        #expect(asked["params"]?["_meta"]?[RequestEnvelope.subscriptionIDKey] == "listen-1")
        #expect(asked["params"]?["notifications"] == ["toolsListChanged": true])
        let none = try json(MCPDispatcher.listenAcknowledgement(.number(3), toolsListChanged: false))
        #expect(none["params"]?["notifications"] == [:])
        #expect(none["params"]?["_meta"]?[RequestEnvelope.subscriptionIDKey] == 3)
    }

    @Test func aListenMustNameTheKindsItWants() throws {
        #expect(try ListSubscriptions.wantsToolsListChanged(["notifications": ["toolsListChanged": true]]).get())
        #expect(try !ListSubscriptions.wantsToolsListChanged(["notifications": [:]]).get())
        for params: JSONValue? in [nil, [:], ["notifications": true]] {
            guard case .failure(let error) = ListSubscriptions.wantsToolsListChanged(params) else {
                Issue.record("accepted \(String(describing: params))")
                continue
            }
            #expect(error.code == -32602)
        }
    }
}
