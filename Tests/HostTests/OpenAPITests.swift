import Foundation
import JSONCore
import Testing

/// The OpenAPI provider (its real `.so`) against the sandbox: specs in a folder become tools,
/// called through the Proxy API.
@Suite struct OpenAPITests {
    static let fixtures = TestPaths.packageRoot + "/Tests/HostTests/Fixtures/openapi"
    static let proxyPath = "/projects/sandbox-project/sdk/proxy/"

    static func withOpenAPI(
        folder: String = fixtures, _ body: @Sendable (TestSandbox, MCPTestClient) async throws -> Void
    ) async throws {
        try await TestSandbox.with { sandbox in
            let library = TestPaths.buildDirectory + "/libOpenAPICustom.so"
            try await TestServer.with(
                // Every operation listed directly (hundreds of them would otherwise be searched).
                environment: [
                    "PROJECT_ID": "sandbox-project", "ZEUS_BASE_URL": sandbox.base, "PROXY_BASE_URL": sandbox.base,
                    "TOOLS_MODE": "direct",
                ],
                providers: [("openapi", library, "enabled: true\nconfig:\n  folder: \(folder)")]
            ) { server in
                try await body(sandbox, MCPTestClient(base: server.base))
            }
        }
    }

    /// Every tool listed to the user, walking all pages.
    static func tools(_ client: MCPTestClient, token: String) async throws -> (String, [String: [String: Any]]) {
        let session = try await client.initialize(token: token)
        var tools: [[String: Any]] = []
        var cursor: String?
        var id = 2
        repeat {
            let params = cursor.map { #"{"cursor":"\#($0)"}"# } ?? "{}"
            let list = try await client.send(
                body: MCPTestClient.request(id, "tools/list", params), token: token, session: session)
            tools += list.result?["tools"] as? [[String: Any]] ?? []
            cursor = list.result?["nextCursor"] as? String
            id += 1
        } while cursor != nil
        return (session, Dictionary(uniqueKeysWithValues: tools.map { ($0["name"] as! String, $0) }))
    }

    static func schema(_ tool: [String: Any]?, _ path: String...) -> Any? {
        var current: Any? = tool?["inputSchema"]
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }

    @Test func operationsOfTheProjectsIntegrationsBecomeTools() async throws {
        try await Self.withOpenAPI { _, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let (_, tools) = try await Self.tools(client, token: alice)
            // zendesk: not in the project; hubspot.yaml: broken, skipped; salesforce.json lacks
            // `info`, which its meaning does not need: loaded. Names split at case changes and
            // within the name rule; a summary two operations share is kept by neither: each adds its
            // method and path.
            #expect(
                Set(tools.keys) == [
                    "SPOTIFY_GET_MY_PLAYLISTS", "SPOTIFY_GET_AN_ARTIST_S_ALBUMS_ALL", "SPOTIFY_UPDATE_PLAYLIST",
                    "GOOGLECALENDAR_CREATE_EVENT", "GOOGLECALENDAR_LIST_EVENTS_GET_CALENDARS_PRIMARY_EVENTS",
                    "GOOGLECALENDAR_LIST_EVENTS_GET_CALENDARS_CALENDAR_ID_EVENTS", "SALESFORCE_CREATE_ACCOUNT",
                ])
            let playlists = tools["SPOTIFY_GET_MY_PLAYLISTS"]
            #expect(playlists?["description"] as? String == "Get my playlists - The user's playlists.")
            let params = Self.schema(playlists, "properties", "params", "properties") as? [String: Any]
            #expect(Set(params?.keys.map { $0 } ?? []) == ["limit", "X-Trace-Id"], "no Authorization, no cookies")
            #expect((params?["limit"] as? [String: Any])?["example"] == nil)
            #expect((params?["X-Trace-Id"] as? [String: Any])?["description"] as? String == "Trace id to forward")

            let albums = tools["SPOTIFY_GET_AN_ARTIST_S_ALBUMS_ALL"]
            #expect(Self.schema(albums, "properties", "params", "required") as? [String] == ["id"])
            #expect(Self.schema(albums, "required") as? [String] == ["params"])
            let market = Self.schema(albums, "properties", "params", "properties", "market", "type") as? [String]
            #expect(market == ["string", "null"])

            let update = tools["SPOTIFY_UPDATE_PLAYLIST"]
            #expect(Set(Self.schema(update, "required") as? [String] ?? []) == ["params", "body"])
            let body = Self.schema(update, "properties", "body") as? [String: Any]
            let properties = body?["properties"] as? [String: Any]
            #expect(properties?["example"] != nil, "a property named example is kept")
            #expect((properties?["description"] as? [String: Any])?["type"] as? [String] == ["string", "null"])
            // Playlist → Track → Playlist → Track → Playlist (cut).
            let text = String(decoding: try JSONSerialization.data(withJSONObject: body ?? [:]), as: UTF8.self)
            #expect(text.contains("recursive; not expanded further"))
            #expect(!text.contains("$ref"))

            let create = tools["GOOGLECALENDAR_CREATE_EVENT"]
            #expect(create?["description"] as? String == "createEvent - Creates an event.")
            let attendee = Self.schema(create, "properties", "body", "properties", "attendees", "items", "required")
            #expect(attendee as? [String] == ["email"])
        }
    }

    @Test func callsGoThroughTheProxyExactly() async throws {
        try await Self.withOpenAPI { sandbox, client in
            let alice = try await TestTokens.sign(sub: "alice")
            let (session, _) = try await Self.tools(client, token: alice)
            sandbox.sandbox.requests.clear()

            let albums = try await client.send(
                body: MCPTestClient.call(
                    3, "SPOTIFY_GET_AN_ARTIST_S_ALBUMS_ALL",
                    #"{"params":{"id":"a b/c","include_groups":["album","single"],"market":"SE"}}"#),
                token: alice, session: session)
            #expect(albums.result?["isError"] == nil, "\(albums.body)")
            let get = try #require(sandbox.sandbox.requests.matching(Self.proxyPath).last)
            #expect(get.method == "GET" && get.path == Self.proxyPath + "custom.spotify")
            #expect(
                get.headers["x-paragon-proxy-url"]
                    == "/artists/a%20b%2Fc/albums?include_groups=album&include_groups=single&market=SE")
            #expect(get.headers["x-paragon-use-raw-response"] == "true")
            #expect(get.headers["authorization"] == "Bearer \(alice)")
            #expect(get.body.isEmpty)

            let mine = try await client.send(
                body: MCPTestClient.call(4, "SPOTIFY_GET_MY_PLAYLISTS", #"{"params":{"limit":5,"X-Trace-Id":"t-1"}}"#),
                token: alice, session: session)
            #expect(mine.result?["isError"] == nil, "\(mine.body)")
            let listed = try #require(sandbox.sandbox.requests.matching(Self.proxyPath).last)
            #expect(listed.headers["x-paragon-proxy-url"] == "/me/playlists?limit=5")
            #expect(listed.headers["x-trace-id"] == "t-1")

            let event = #"{"summary":"Standup","attendees":[{"email":"a@example.com"}]}"#
            let create = try await client.send(
                body: MCPTestClient.call(
                    5, "GOOGLECALENDAR_CREATE_EVENT",
                    #"{"params":{"calendarId":"primary","sendUpdates":"none"},"body":\#(event)}"#),
                token: alice, session: session)
            #expect(create.result?["isError"] == nil, "\(create.body)")
            let post = try #require(sandbox.sandbox.requests.matching(Self.proxyPath).last)
            #expect(post.method == "POST" && post.path == Self.proxyPath + "googleCalendar")
            #expect(
                post.headers["x-paragon-proxy-url"]
                    == "https://www.googleapis.com/calendar/v3/calendars/primary/events?sendUpdates=none")
            #expect(post.headers["content-type"] == "application/json")
            #expect(post.json == (try JSONValue.parse(Array(event.utf8))))
        }
    }

    @Test func unconnectedInvalidAndFailingCalls() async throws {
        try await Self.withOpenAPI { sandbox, client in
            let bob = try await TestTokens.sign(sub: "bob")
            let (session, _) = try await Self.tools(client, token: bob)
            let call = try await client.send(
                body: MCPTestClient.call(3, "SPOTIFY_GET_MY_PLAYLISTS", "{}"), token: bob, session: session)
            #expect(call.result?["isError"] == nil)
            #expect(TestStack.text(of: call.result)?.contains("[Connect Spotify](") == true, "\(call.body)")

            sandbox.sandbox.requests.clear()
            let invalid = try await client.send(
                body: MCPTestClient.call(4, "SPOTIFY_UPDATE_PLAYLIST", #"{"params":{},"body":{"name":""}}"#),
                token: bob, session: session)
            #expect(invalid.result?["isError"] as? Bool == true)
            #expect(TestStack.text(of: invalid.result)?.contains("/params/playlist_id") == true, "\(invalid.body)")
            #expect(sandbox.sandbox.requests.matching(Self.proxyPath).isEmpty)

            let alice = try await TestTokens.sign(sub: "alice")
            let (aliceSession, _) = try await Self.tools(client, token: alice)
            _ = try await sandbox.send(
                .POST, sandbox.base + "/_sandbox/faults", token: nil,
                body: #"{"target":"proxy","kind":"serverError","value":503}"#)
            let failed = try await client.send(
                body: MCPTestClient.call(5, "SPOTIFY_GET_MY_PLAYLISTS", "{}"), token: alice, session: aliceSession)
            #expect(failed.result?["isError"] as? Bool == true)
            #expect(failed.body.contains("status: 503"))
        }
    }

    @Test func aLargeSpecLoadsWellUnderASecond() async throws {
        let folder = TestPaths.scratch("openapi-large")
        var paths: [String: JSONValue] = [:]
        for resource in 0..<100 {
            let item: JSONValue = ["$ref": "#/components/schemas/Item"]
            paths["/resources\(resource)/{id}"] = [
                "parameters": [["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]],
                "get": ["summary": .string("Get resource \(resource)"), "responses": ["200": ["description": "ok"]]],
                "put": [
                    "summary": .string("Update resource \(resource)"),
                    "requestBody": ["content": ["application/json": ["schema": item]]],
                    "responses": ["200": ["description": "ok"]],
                ],
                "delete": [
                    "summary": .string("Delete resource \(resource)"), "responses": ["200": ["description": "ok"]],
                ],
            ]
        }
        let spec: JSONValue = [
            "openapi": "3.1.0", "info": ["title": "large", "version": "1"], "paths": .object(paths),
            "components": [
                "schemas": [
                    "Item": [
                        "type": "object",
                        "properties": [
                            "name": ["type": "string"],
                            "children": ["type": "array", "items": ["$ref": "#/components/schemas/Item"]],
                        ],
                    ]
                ]
            ],
        ]
        try Data(spec.encoded()).write(to: URL(fileURLWithPath: folder + "/github.json"))
        let file = folder + "/config.yaml"
        try TestConfig.providers([("openapi", "OpenAPICustom", "enabled: true\nconfig:\n  folder: \(folder)")])
            .write(toFile: file, atomically: true, encoding: .utf8)
        // The real binary lists the spec's tools; bash's `times` gives the CPU it used (wall time
        // would measure whatever else the machine does while tests run in parallel).
        let result = try await Subprocess.runAsync(
            "/bin/bash", ["-c", #""$0" check --config "$1"; times"#, TestPaths.executable, file])
        #expect(result.stdout.contains("300 tools"), "\(result.stdout) \(result.stderr)")
        let times = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let seconds = times.split(separator: " ").compactMap(Self.seconds).reduce(0, +)
        #expect(seconds > 0 && seconds < 1, "CPU: \(times)")
    }

    @Test func checkReportsBrokenAndIgnoredFiles() async throws {
        try await TestSandbox.with { sandbox in
            let file = TestPaths.scratch("openapi-check") + "/config.yaml"
            try TestConfig.providers([
                ("openapi", "OpenAPICustom", "enabled: true\nconfig:\n  folder: \(Self.fixtures)")
            ])
            .write(toFile: file, atomically: true, encoding: .utf8)
            let result = try await Subprocess.runAsync(
                TestPaths.executable, ["check", "--config", file],
                environment: [
                    "PROJECT_ID": "sandbox-project", "SIGNING_KEY": try TestKeys.privateKeyPEM(),
                    "ZEUS_BASE_URL": sandbox.base, "PROXY_BASE_URL": sandbox.base, "PATH": "/usr/bin:/bin",
                ])
            #expect(result.status != 0)
            #expect(result.stderr.contains("hubspot.yaml: not valid YAML: 3:10"), "\(result.stderr)")
            #expect(
                result.stderr.contains(
                    "salesforce.json: at /info: `info` is missing (OpenAPI requires it); loaded anyway"),
                "a warning, and the file loads")
            #expect(
                result.stderr.contains(
                    "ignored \(Self.fixtures)/zendesk.json: the project has no active integration zendesk"))
            #expect(result.stdout.contains("7 tools"), "\(result.stdout)")
        }
    }

    @Test func checkSaysWhichServerVariablesItFilledAndWhatItConverted() async throws {
        let folder = TestPaths.scratch("openapi-servers")
        try """
        openapi: 3.0.3
        info: {title: Regional, version: "1"}
        servers:
          - url: "https://{region}.api.example.com/{basePath}"
            variables: {region: {default: eu, enum: [eu, us]}, basePath: {default: v2}}
        paths:
          /answers:
            get:
              summary: List answers
              parameters: [{name: answer, in: query, schema: {type: string, enum: [yes, no, maybe]}}]
        """.write(toFile: folder + "/github.yaml", atomically: true, encoding: .utf8)
        try
            #"{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "host": "slack.com", "basePath": "/api", "paths": {"/api.test": {"get": {"operationId": "api_test", "responses": {"200": {"description": "ok"}}}}}}"#
            .write(toFile: folder + "/slack.json", atomically: true, encoding: .utf8)
        let file = TestPaths.scratch("openapi-servers-config") + "/config.yaml"
        try TestConfig.providers([("openapi", "OpenAPICustom", "enabled: true\nconfig:\n  folder: \(folder)")])
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await Subprocess.runAsync(TestPaths.executable, ["check", "--config", file])
        #expect(result.status == 0, "warnings do not fail check: \(result.stdout) \(result.stderr)")
        #expect(
            result.stderr.contains(
                "github.yaml: at /servers/0: server variables filled with their defaults: region=eu, basePath=v2"),
            "\(result.stderr)")
        #expect(result.stderr.contains("github.yaml: at /paths/~1answers/get: the operation has no `responses`"))
        #expect(result.stderr.contains("slack.json: a Swagger 2.0 document: converted to OpenAPI 3.0 on load"))
        #expect(result.stdout.contains("2 tools"), "\(result.stdout)")
    }

    /// A 2.5 KB document whose schema L0 has five properties each referencing L1, ... nine
    /// levels down (`Fixtures/synthetic/fan-out.json` of the unit tests), expanded to 28 MB and
    /// took 570 MB to load; now its tool stays within the budget and `check` says what was cut
    /// (no timing asserted: the runner shares the machine).
    @Test func aFanOutOfReferencesLoadsSmallAndCheckSaysWhatWasCut() async throws {
        let folder = TestPaths.scratch("openapi-fan-out")
        try FileManager.default.copyItem(
            atPath: TestPaths.packageRoot + "/Tests/OpenAPICustomCoreTests/Fixtures/synthetic/fan-out.json",
            toPath: folder + "/github.json")
        let file = TestPaths.scratch("openapi-fan-out-config") + "/config.yaml"
        try TestConfig.providers([("openapi", "OpenAPICustom", "enabled: true\nconfig:\n  folder: \(folder)")])
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try await Subprocess.runAsync(TestPaths.executable, ["check", "--config", file])
        #expect(result.status == 0, "a warning: \(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("1 tools"), "\(result.stdout)")
        #expect(
            result.stderr.contains(
                "github.json: at /paths/~1things/post: the input schema would pass 256 KiB: these references are not expanded"
            ), "\(result.stderr)")
    }

    /// `0m0.250s` → 0.25.
    static func seconds(_ text: Substring) -> Double? {
        guard let m = text.firstIndex(of: "m"), text.hasSuffix("s"),
            let minutes = Double(text[..<m]), let rest = Double(text[text.index(after: m)...].dropLast())
        else { return nil }
        return minutes * 60 + rest
    }
}
