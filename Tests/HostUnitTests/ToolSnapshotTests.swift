import JSONCore
import Logging
import Testing

@testable import Application
@testable import MCPCore
@testable import Settings

/// Tool lists as served: pages bounded in tools and bytes, cursors bound to their list, every
/// input schema with `properties`.
@Suite struct ToolSnapshotTests {
    static func tool(_ name: String, padding: Int = 0) -> Tool {
        Tool(
            name: name, integration: "x", description: String(repeating: "d", count: padding),
            inputSchema: ["type": "object", "properties": [:]], providerName: "p")
    }

    static func snapshot(_ tools: [Tool]) -> ToolSnapshot {
        ToolSnapshot(
            catalog: ToolCatalog(lists: [("p", tools)]), filter: ToolFilter(ToolLimits()),
            schemas: SchemaCache(logger: Logger(label: "test")))
    }

    /// Every page of a walk, as (tool names, page bytes).
    static func walk(_ snapshot: ToolSnapshot, _ paging: ToolSnapshot.Paging) async throws -> [([String], Int)] {
        var pages: [([String], Int)] = []
        var cursor: ToolListCursor?
        repeat {
            let bytes = try #require(
                await snapshot.page(cursor: cursor, paging: paging, version: "2025-11-25", offloader: InlineOffloader())
            )
            let page = try JSONValue.parse(bytes)
            pages.append(((page["tools"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }, bytes.count))
            cursor = page["nextCursor"]?.stringValue.flatMap(ToolListCursor.init(encoded:))
        } while cursor != nil
        return pages
    }

    @Test func pagesAreBoundedInBytesAsWellAsInTools() async throws {
        let tools = (0..<40).map { Self.tool("T\($0)", padding: 10_000) }
        let pages = try await Self.walk(Self.snapshot(tools), .init(size: 500, maxBytes: 50_000))
        #expect(pages.flatMap(\.0) == tools.map(\.name), "every tool once, in order")
        #expect(pages.count > 1)
        for (_, bytes) in pages { #expect(bytes <= 50_000 + 1_000) }
        // The tool count still bounds a page of small tools.
        let small = try await Self.walk(
            Self.snapshot((0..<12).map { Self.tool("S\($0)") }), .init(size: 5, maxBytes: 1 << 20))
        #expect(small.map(\.0.count) == [5, 5, 2])
    }

    @Test func aToolLargerThanAPageGoesAlone() async throws {
        let tools = [Self.tool("A"), Self.tool("HUGE", padding: 100_000), Self.tool("B")]
        let pages = try await Self.walk(Self.snapshot(tools), .init(size: 500, maxBytes: 20_000))
        #expect(pages.map(\.0) == [["A"], ["HUGE"], ["B"]])
    }

    @Test func aCursorBelongsToTheListItCameFrom() async throws {
        let before = Self.snapshot((0..<10).map { Self.tool("T\($0)") })
        let first = try JSONValue.parse(
            try #require(
                await before.page(
                    cursor: nil, paging: .init(size: 4, maxBytes: 1 << 20), version: "2025-11-25",
                    offloader: InlineOffloader())))
        let cursor = try #require(first["nextCursor"]?.stringValue.flatMap(ToolListCursor.init(encoded:)))
        #expect(
            await before.page(
                cursor: cursor, paging: .init(size: 4, maxBytes: 1 << 20), version: "2025-11-25",
                offloader: InlineOffloader()) != nil)
        // The list changed (a tool added at the front): the old cursor is refused, not continued.
        let after = Self.snapshot([Self.tool("NEW")] + (0..<10).map { Self.tool("T\($0)") })
        #expect(
            await after.page(
                cursor: cursor, paging: .init(size: 4, maxBytes: 1 << 20), version: "2025-11-25",
                offloader: InlineOffloader()) == nil)
        // Offsets that are not page starts, and cursors of other shapes, are refused too.
        let stray = ToolListCursor(list: cursor.list, offset: 3)
        #expect(
            await before.page(
                cursor: stray, paging: .init(size: 4, maxBytes: 1 << 20), version: "2025-11-25",
                offloader: InlineOffloader()) == nil)
        for text in ["dG9vbHM6NTAw", "", "not base64!", String(repeating: "A", count: 200)] {
            #expect(ToolListCursor(encoded: text) == nil, "\(text)")
        }
        #expect(ToolListCursor(encoded: cursor.encoded) == cursor)
    }

    @Test func everyInputSchemaHasProperties() throws {
        let list = try JSONValue.parse(
            Array(
                #"""
                [{"name":"A","integration":"x","inputSchema":{"type":"object"}},
                 {"name":"B","integration":"x","inputSchema":{}},
                 {"name":"C","integration":"x","inputSchema":{"type":"object","properties":{"q":{"type":"string"}}}},
                 {"name":"D","integration":"x","inputSchema":{"type":["object","null"]}},
                 {"name":"E","integration":"x","inputSchema":{"type":"object","properties":null}},
                 {"name":"F","integration":"x","inputSchema":{"type":"string"}},
                 {"name":"G","integration":"x","inputSchema":{"properties":[1]}}]
                """#.utf8))
        let (tools, problems) = try ToolListParser.parse(list.encoded(), provider: "p")
        #expect(tools.map(\.name) == ["A", "B", "C", "D", "E"])
        // A schema for something other than an object cannot describe arguments.
        #expect(problems.count == 2)
        #expect(problems.first?.contains("tool F") == true)
        for tool in tools {
            #expect(tool.inputSchema["type"] == "object" && tool.inputSchema["properties"]?.objectValue != nil)
        }
        #expect(tools[2].inputSchema["properties"]?["q"]?["type"] == "string")
    }

    @Test func nullOutputSchemaAndAnnotationsAreLeftOut() throws {
        let entry = try JSONValue.parse(
            Array(
                #"{"name":"A","integration":"x","inputSchema":{"type":"object"},"outputSchema":null,"annotations":null}"#
                    .utf8))
        let tool = try Tool.decode(entry, provider: "p").get()
        #expect(tool.outputSchema == nil)
        #expect(tool.annotations == nil)
        let listed = tool.mcpJSON(version: "2025-11-25")
        #expect(listed["outputSchema"] == nil && listed["annotations"] == nil)
    }
}
