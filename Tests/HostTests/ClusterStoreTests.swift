import Cluster
import Foundation
import JSONCore
import Logging
import MCPCore
import Observability
import Synchronization
import Testing

/// Cluster mode's store against a real PostgreSQL (Debian's, started by the test): two stores
/// stand for two instances sharing one database.
@Suite(.serialized) struct ClusterStoreTests {
    static let logger = Logger(label: "cluster-tests")

    static func store(_ url: String, metrics: ServerMetrics? = nil) async throws -> ClusterStore {
        let store = try ClusterStore(url: url, logger: logger, metrics: metrics)
        // Generous: the whole suite runs beside it on two cores.
        try await store.start(timeout: .seconds(60))
        return store
    }

    static func state(expiresAt: Int = 2_000_000_000) -> RequestState {
        RequestState(userID: "alice", tool: "CRM", arguments: [:], integration: "salesforce", expiresAt: expiresAt)
    }

    @Test func aRequestStateIsSpentOnceAcrossInstances() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            let (a, b) = (try await Self.store(url), try await Self.store(url))
            defer {
                a.stop()
                b.stop()
            }
            let (onA, onB) = (SharedRequestStateLedger(store: a), SharedRequestStateLedger(store: b))
            let state = Self.state()
            #expect(try await onA.consume(state, now: 1_800_000_000))
            // Presented again, to the other instance: a replay.
            #expect(try await !onB.consume(state, now: 1_800_000_000))
            #expect(try await !onA.consume(state, now: 1_800_000_000))
            // Given back (the call did not complete): usable once more, anywhere.
            try await onA.release(state)
            #expect(try await onB.consume(state, now: 1_800_000_000))
            // Expired: refused without a round trip.
            #expect(try await !onA.consume(Self.state(expiresAt: 10), now: 1_800_000_000))
        }
    }

    @Test func instancesStartingTogetherMigrateOnce() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            async let first = Self.store(url)
            async let second = Self.store(url)
            let stores = try await [first, second]
            defer { stores.forEach { $0.stop() } }
            let again = try await Self.store(url)
            again.stop()
            let database = String(url.split(separator: "/").last!.split(separator: "?").first!)
            let versions = try await Subprocess.runAsync(
                "/usr/bin/psql",
                [
                    "-h", "127.0.0.1", "-p", "\(postgres.port)", "-U", "postgres", "-d", database, "-tAc",
                    "SELECT string_agg(version::text, ',' ORDER BY version) FROM paragon_mcp_schema",
                ])
            #expect(versions.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1,2,3")
        }
    }

    @Test func eventsReachTheOtherInstancesOnly() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            let metrics = ServerMetrics()
            let (a, b) = (try await Self.store(url), try await Self.store(url, metrics: metrics))
            defer {
                a.stop()
                b.stop()
            }
            let (eventsA, eventsB) = (
                ClusterEvents(store: a, logger: Self.logger),
                ClusterEvents(store: b, logger: Self.logger, metrics: metrics)
            )
            let seenByA = Mutex<[ClusterEvent]>([]), seenByB = Mutex<[ClusterEvent]>([])
            let listeners = [
                Task { await eventsA.listen { event in seenByA.withLock { $0.append(event) } } },
                Task { await eventsB.listen { event in seenByB.withLock { $0.append(event) } } },
            ]
            defer { listeners.forEach { $0.cancel() } }
            // Until B listens, a publication may pass it by: publish until it is seen.
            let seen = try await eventually(within: .seconds(10)) {
                try? await eventsA.publish(.toolsChanged(user: "alice"))
                return !seenByB.withLock { $0.isEmpty }
            }
            #expect(seen)
            #expect(seenByB.withLock { $0.allSatisfy { $0 == .toolsChanged(user: "alice") } })
            #expect(seenByA.withLock { $0.isEmpty }, "an instance does not hear itself")
        }
    }

    @Test func anUnreachableStoreIsAnErrorNamingIt() async throws {
        let port = try TestServer.freePort()
        let store = try ClusterStore(url: "postgres://u@127.0.0.1:\(port)/db?sslmode=disable", logger: Self.logger)
        defer { store.stop() }
        do {
            try await store.start(timeout: .seconds(3))
            Issue.record("started without a store")
        } catch {
            // Named, and why: the connection's own failure, not a timeout.
            #expect("\(error)".contains("127.0.0.1:\(port)/db"), "\(error)")
            #expect("\(error)".lowercased().contains("refused"), "\(error)")
        }
        #expect(throws: ClusterError.self) { try ClusterStore(url: "mysql://x", logger: Self.logger) }
    }

    /// What PostgreSQL answers (a database that does not exist) is what the error says.
    @Test func aStoreThatRefusesSaysWhatPostgreSQLSaid() async throws {
        try await TestPostgres.with { postgres in
            let store = try ClusterStore(url: postgres.url("no_such_database"), logger: Self.logger)
            defer { store.stop() }
            do {
                try await store.start(timeout: .seconds(30))
                Issue.record("started on a database that does not exist")
            } catch {
                #expect("\(error)".contains(#"database "no_such_database" does not exist"#), "\(error)")
                #expect("\(error)".contains("SQLSTATE 3D000"), "\(error)")
            }
        }
    }

    /// A password with a raw `@` or `/` would move where the host seems to start, and the
    /// message would repeat part of it: refused, saying to percent-encode it, repeating nothing.
    @Test func aURLWithRawSpecialCharactersInItsPasswordIsRefusedWithoutRepeatingIt() {
        for url in ["postgres://weird:pq@zz/w:rd@127.0.0.1:5432/db", "postgres://u:qq@zz@127.0.0.1/db"] {
            do {
                _ = try ClusterStore(url: url, logger: Self.logger)
                Issue.record("accepted \(url)")
            } catch {
                #expect("\(error)".contains("percent-encode"), "\(error)")
                #expect(!"\(error)".contains("zz") && !"\(error)".contains("w:rd"), "\(error)")
            }
        }
        #expect((try? ClusterStore(url: "postgres://u:p%40ss%2Fw@127.0.0.1/db", logger: Self.logger)) != nil)
    }

    @Test func aLostStoreFailsItsRoundTripsThenRecovers() async throws {
        try await TestPostgres.with { postgres in
            let url = try await postgres.database()
            let store = try await Self.store(url)
            defer { store.stop() }
            let ledger = SharedRequestStateLedger(store: store)
            try await postgres.stop()
            await #expect(throws: ClusterError.self) {
                _ = try await ledger.consume(Self.state(), now: 1_800_000_000)
            }
            #expect(!store.isUp)
            try await postgres.start()
            let recovered = try await eventually(within: .seconds(20)) {
                (try? await ledger.consume(Self.state(), now: 1_800_000_000)) != nil
            }
            #expect(recovered)
            #expect(store.isUp)
        }
    }
}
