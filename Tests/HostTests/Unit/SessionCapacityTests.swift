import Testing

@testable import Host

/// The session caps as a state machine, without a server.
@Suite struct SessionCapacityTests {
    @Test func aUserAtTheirCapMakesRoomBeforeBeingRefused() {
        var capacity = SessionCapacity(maxSessions: 10, maxSessionsPerUser: 2)
        #expect(capacity.reserve("alice") == .granted)
        #expect(capacity.reserve("alice") == .granted)
        #expect(capacity.reserve("alice") == .makeRoom)
        #expect(capacity.reserve("alice", canMakeRoom: false) == .refused(.perUser(2)))
        // Other users are not affected by alice's sessions.
        #expect(capacity.reserve("bob") == .granted)
        capacity.release("alice")
        #expect(capacity.reserve("alice") == .granted)
        #expect(capacity.total == 3)
    }

    @Test func theGlobalCapIsNeverMadeRoomFor() {
        var capacity = SessionCapacity(maxSessions: 3, maxSessionsPerUser: 5)
        for user in ["a", "b", "c"] { #expect(capacity.reserve(user) == .granted) }
        #expect(capacity.reserve("d") == .refused(.global(3)))
        #expect(capacity.reserve("a") == .refused(.global(3)))
        capacity.release("b")
        #expect(capacity.reserve("d") == .granted)
    }

    @Test func releasingAnUnknownUserChangesNothing() {
        var capacity = SessionCapacity(maxSessions: 3, maxSessionsPerUser: 1)
        capacity.release("nobody")
        #expect(capacity.total == 0)
        #expect(capacity.reserve("a") == .granted)
        capacity.release("a")
        capacity.release("a")
        #expect(capacity.total == 0 && capacity.byUser.isEmpty)
    }

    @Test func refusalsNameTheVariableThatRaisesThem() {
        #expect("\(SessionCapacity.Cap.global(5))".contains("MCP_MAX_SESSIONS = 5"))
        #expect("\(SessionCapacity.Cap.perUser(2))".contains("MCP_MAX_SESSIONS_PER_USER = 2"))
    }
}
