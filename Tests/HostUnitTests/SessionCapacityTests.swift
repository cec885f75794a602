import Testing

@testable import Application
@testable import MCPCore

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

/// The store's make-room loop under concurrent reservations of one user at their cap.
@Suite struct SessionStoreCapacityTests {
    @Test func concurrentReservationsNeverOvershootTheUsersCap() async throws {
        let store = SessionStore(
            maxSessions: 100, maxSessionsPerUser: 3, idleTimeoutMs: 60_000, logger: .init(label: "test"),
            time: ManualTimeSource())
        let alice = Principal(userID: "alice", token: "t", expiresAt: nil)
        for _ in 0..<3 {
            guard case .success = store.reserve(for: "alice") else { Issue.record("room at first"); return }
            store.activate(MCPSession(id: MCPSession.newID(), transport: .streamableHTTP, owner: alice))
        }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    guard case .success = store.reserve(for: "alice") else { return false }
                    store.activate(MCPSession(id: MCPSession.newID(), transport: .streamableHTTP, owner: alice))
                    return true
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        // Every reservation made room by closing an idle session of alice's; never more than 3 live.
        #expect(outcomes.allSatisfy { $0 })
        #expect(store.count == 3)
        #expect(store.all.allSatisfy { $0.userID == "alice" })
        store.closeAll(reason: "test over")
        #expect(store.count == 0)
        // The capacity is all given back.
        guard case .success = store.reserve(for: "bob") else { Issue.record("capacity leaked"); return }
    }
}
