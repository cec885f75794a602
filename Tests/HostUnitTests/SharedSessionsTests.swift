import JSONCore
import MCPCore
import Testing

@testable import Cluster

/// Cluster mode's shared sessions without a database: the record that travels, the events that
/// announce ends, and what a beat owes the store.
@Suite struct SharedSessionsTests {
    @Test func aRecordRoundTripsThroughItsStoredForm() throws {
        let record = SessionRecord(
            userID: "alice", transport: .streamableHTTP, protocolVersion: "2025-06-18", clientName: "Cursor",
            toolMode: .search, capabilities: ClientCapabilities(urlElicitation: true))
        let stored = try JSONValue.parse(record.negotiated.encoded())
        #expect(SessionRecord(userID: "alice", transport: "streamable-http", negotiated: stored) == record)
        var plain = record
        plain.toolMode = nil
        plain.capabilities = ClientCapabilities()
        #expect(SessionRecord(userID: "alice", transport: "streamable-http", negotiated: plain.negotiated) == plain)
        // What another version wrote and this one cannot read is not served.
        #expect(SessionRecord(userID: "alice", transport: "websocket", negotiated: stored) == nil)
        #expect(SessionRecord(userID: "alice", transport: "streamable-http", negotiated: ["clientName": "x"]) == nil)
    }

    @Test func aTakenOverSessionIsInitializedAsNegotiated() {
        let record = SessionRecord(
            userID: "alice", transport: .streamableHTTP, protocolVersion: "2025-03-26", clientName: "Windsurf",
            toolMode: nil, capabilities: ClientCapabilities())
        let session = MCPSession(
            id: "abc", record: record, owner: Principal(userID: "alice", token: "t"))
        #expect(session.record == record)
        #expect(session.state.withLock { $0.initialized })
        #expect(session.caller.clientName == "Windsurf")
    }

    @Test func eventsRoundTripAndUnknownKindsAreIgnored() {
        let events: [ClusterEvent] = [
            .toolsChanged(user: "alice"), .sessionsEnded(keys: ["k1", "k2"]),
            .elicitationCompleted(user: "bob", elicitation: "e-1"), .sessionMessage(target: "i2", message: 42),
            .requestCancelled(session: "k1", request: .number(7)),
            .requestCancelled(session: "k1", request: .string("x")),
        ]
        for event in events {
            let payload = String(decoding: ClusterEvents.encode(event, instance: "i1").encoded(), as: UTF8.self)
            let decoded = ClusterEvents.decode(payload)
            #expect(decoded?.0 == event && decoded?.instance == "i1")
        }
        #expect(ClusterEvents.decode(#"{"instance":"i1","kind":"from_a_newer_version"}"#) == nil)
        #expect(ClusterEvents.decode("not json") == nil)
    }

    @Test func aFullEndedSessionsEventFitsInANotifyPayload() {
        let keys = (0..<ClusterEvents.maxKeysPerEvent).map { SharedSessionDirectory.key("session-\($0)") }
        let payload = ClusterEvents.encode(.sessionsEnded(keys: keys), instance: "6f1c1d6e-8a53-4b8e-9f7a-2d1e5c9b0a11")
            .encoded()
        #expect(payload.count < 8000)
        #expect(keys.allSatisfy { $0.count == 64 })
    }

    @Test func aBeatTakesWhatIsOwedAndAFailedOneGivesItBack() {
        var upkeep = SessionUpkeep()
        upkeep.used(["b", "a"])
        upkeep.ending(key: "c", userID: "alice")
        upkeep.used(["a"])
        let batch = upkeep.take()
        #expect(batch.used == ["a", "b"])
        #expect(batch.ends == [.init(key: "c", userID: "alice")])
        #expect(upkeep.take() == .init(used: [], ends: []))
        // Meanwhile "b" ended here; the failed beat's work comes back without touching it.
        upkeep.ending(key: "b", userID: "alice")
        upkeep.failed(batch)
        #expect(upkeep.hasPendingEnds)
        let retry = upkeep.take()
        #expect(retry.used == ["a"])
        #expect(Set(retry.ends.map(\.key)) == ["b", "c"])
        #expect(!upkeep.hasPendingEnds)
        // A session that ends is not also marked used in the same beat.
        upkeep.used(["d"])
        upkeep.ending(key: "d", userID: "alice")
        upkeep.used(["d"])
        #expect(upkeep.take() == .init(used: [], ends: [.init(key: "d", userID: "alice")]))
    }
}
