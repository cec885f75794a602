import Foundation
import NIOHTTP1
import Sandbox
import Testing

@testable import Application
@testable import MCPCore

/// Tool lists at scale: paged with opaque cursors, cached per user, fetched once however many
/// sessions ask at the same moment, failures not kept. ActionKit against the sandbox.
@Suite struct ToolListTests {
    /// How many times the sandbox was asked for the action list.
    static func listings(_ sandbox: TestSandbox) -> Int {
        sandbox.sandbox.requests.matching("/projects/sandbox-project/actions").filter { $0.method == "GET" }.count
    }

    /// Every page of the user's list, following `nextCursor`.
    static func allPages(
        _ client: MCPTestClient, token: String, session: String
    ) async throws -> [MCPTestClient.Reply] {
        var pages: [MCPTestClient.Reply] = []
        var cursor: String?
        repeat {
            let params = cursor.map { #"{"cursor":"\#($0)"}"# } ?? "{}"
            let page = try await client.send(
                body: MCPTestClient.request(10 + pages.count, "tools/list", params), token: token, session: session)
            pages.append(page)
            cursor = page.result?["nextCursor"] as? String
        } while cursor != nil && pages.count < 100
        return pages
    }

    static func names(_ pages: [MCPTestClient.Reply]) -> [String] {
        pages.flatMap { ($0.result?["tools"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
    }

    @Test func listsArePagedWithOpaqueCursors() async throws {
        try await TestStack.withActionKit(environment: ["TOOL_LIST_PAGE_SIZE": "5"]) { _, _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            let pages = try await Self.allPages(client, token: alice, session: session)
            #expect(pages.map { ($0.result?["tools"] as? [Any])?.count ?? -1 } == [5, 5, 4])
            #expect(pages.last?.result?["nextCursor"] == nil)
            let names = Self.names(pages)
            #expect(Set(names).count == 14)
            let cursor = try #require(pages.first?.result?["nextCursor"] as? String)
            #expect(!cursor.contains("5"), "opaque: \(cursor)")
            for bad in [#""nope""#, "42", #""dG9vbHM6Nw""#, #""dG9vbHM6OTk""#] {
                let reply = try await client.send(
                    body: MCPTestClient.request(3, "tools/list", #"{"cursor":\#(bad)}"#), token: alice,
                    session: session)
                #expect(reply.errorCode == -32602, "cursor \(bad): \(reply.body)")
            }
        }
    }

    @Test func usersWithTheSameListShareOneSnapshot() async throws {
        // ActionKit lists the project's whole catalog whoever asks: alice's and bob's lists are
        // fetched for each, and kept once.
        try await TestStack.withActionKit { sandbox, server, _ in
            let registry = server.server.dispatcher.registry.current
            let alice = UserIdentity(userID: "alice", token: try await TestTokens.sign(sub: "alice"))
            let bob = UserIdentity(userID: "bob", token: try await TestTokens.sign(sub: "bob"))
            let first = try await registry.snapshot(for: alice, requestID: "a")
            let second = try await registry.snapshot(for: bob, requestID: "b")
            #expect(first === second)
            #expect(Self.listings(sandbox) == 2)
        }
    }

    @Test func aListIsFetchedOncePerUserAndReused() async throws {
        try await TestStack.withActionKit { sandbox, _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let sessions = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 { group.addTask { try await client.initialize(token: alice) } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"list","kind":"latency","value":300}"#)
            sandbox.sandbox.requests.clear()
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for session in sessions {
                    group.addTask {
                        let reply = try await client.send(
                            body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
                        return (reply.result?["tools"] as? [Any])?.count ?? -1
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 14, count: 8))
            #expect(Self.listings(sandbox) == 1, "single flight")
            let call = try await client.send(
                body: MCPTestClient.call(3, "SLACK_LIST_CHANNELS"), token: alice, session: sessions[0])
            #expect(call.result?["isError"] == nil)
            #expect(Self.listings(sandbox) == 1, "calls reuse the cached list")
            let bob = try await TestTokens.sign(sub: "bob")
            let bobSession = try await client.initialize(token: bob)
            _ = try await client.send(body: MCPTestClient.request(2, "tools/list"), token: bob, session: bobSession)
            #expect(Self.listings(sandbox) == 2, "each user has their own list")
        }
    }

    @Test func withoutATTLEveryListFetchesAnew() async throws {
        try await TestStack.withActionKit(environment: ["TOOL_LIST_CACHE_TTL_SECONDS": "0"]) { sandbox, _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            sandbox.sandbox.requests.clear()
            for id in 2...3 {
                _ = try await client.send(body: MCPTestClient.request(id, "tools/list"), token: alice, session: session)
            }
            #expect(Self.listings(sandbox) == 2)
        }
    }

    @Test func aFailedListingIsNotCached() async throws {
        try await TestStack.withActionKit { sandbox, _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let session = try await client.initialize(token: alice)
            // More failures than the provider's retries: the listing fails.
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"list","kind":"serverError","value":500,"times":10}"#)
            let failed = try await client.send(
                body: MCPTestClient.request(2, "tools/list"), token: alice, session: session)
            #expect(failed.errorCode == -32603, "\(failed.body)")
            sandbox.sandbox.faults.clear()
            let listed = try await client.send(
                body: MCPTestClient.request(3, "tools/list"), token: alice, session: session)
            #expect((listed.result?["tools"] as? [Any])?.count == 14)
        }
    }

    @Test func ActionKitsWholeCatalogComesInPagesClientsAccept() async throws {
        let catalog = SandboxCatalog.synthetic(integrations: 130, actionsPerIntegration: 20)
        // The whole list, not search mode's meta-tools, whatever the client takes.
        try await TestStack.withActionKit(environment: ["TOOLS_MODE": "direct"], catalog: catalog) { _, _, client in
            let user = try #require(catalog.users.first?.id)
            let token = try await TestTokens.sign(sub: user)
            let session = try await client.initialize(token: token)
            let pages = try await Self.allPages(client, token: token, session: session)
            #expect(Set(Self.names(pages)).count == 2600)
            #expect(pages.count == 6)
            // The official Python client refuses an SSE event over 1 MiB.
            #expect(pages.allSatisfy { $0.body.utf8.count < 1 << 20 })
        }
    }
}
