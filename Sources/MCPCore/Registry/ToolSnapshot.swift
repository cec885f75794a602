import Crypto
import JSONCore
import JSONSchema
import Synchronization
import ToolSearch

/// One user's tool list at one moment, ready to serve: the tools after `LIMIT_TO_*` (with the
/// operator's overrides), each with its compiled input-schema validator (and output-schema
/// validator, for a tool that declares one), the `tools/list` pages of each presentation
/// serialized once per protocol version and then reused, and the search index of search mode,
/// built once.
package final class ToolSnapshot: Sendable {
    /// The tools the user may see and call, in provider order.
    package let tools: [Tool]
    /// Providers that could not list their tools for this snapshot (their tools are missing).
    package let unavailable: [String]
    /// 12 hex digits naming this list (its tool names in order), carried by its cursors.
    package let fingerprint: String
    /// What search mode lists: the meta-tools, then the pinned tools the user has.
    package let searchListing: [Tool]
    /// 12 hex digits naming ``searchListing``.
    package let searchFingerprint: String
    private let validators: [JSONSchemaValidator?]
    private let outputValidators: [JSONSchemaValidator?]
    private let indexByName: [String: Int]
    /// Serialized `tools/list` pages by paging, protocol version and presentation, made at first use.
    private let pages = Mutex<[PageKey: Pages]>([:])
    /// The search index, once asked for (built off the event loops, once).
    private let search = Mutex<Task<Result<ToolSearchIndex, ToolSearchError>, Never>?>(nil)

    /// How pages are cut: at most `size` tools and about `maxBytes` bytes each.
    package struct Paging: Hashable, Sendable {
        package var size: Int
        package var maxBytes: Int
    }

    private struct PageKey: Hashable {
        var paging: Paging
        var version: String
        var listing: ToolPresentation.Listing
    }

    private struct Pages {
        /// Each page's serialized result, by the offset of its first tool.
        var byOffset: [Int: [UInt8]]
    }

    package init(
        catalog: ToolCatalog, filter: ToolFilter, schemas: SchemaCache, unavailable: [String] = [],
        presentation: ToolPresentation = ToolPresentation()
    ) {
        let overrides = presentation.settings.overrides
        let tools = catalog.tools.filter(filter.allows).map { tool in overrides[tool.name].map(tool.overridden) ?? tool
        }
        self.tools = tools
        self.unavailable = unavailable
        self.validators = tools.map { schemas.validator(for: $0) }
        self.outputValidators = tools.map { schemas.outputValidator(for: $0) }
        let indexByName = Dictionary(tools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.indexByName = indexByName
        self.fingerprint = Self.fingerprint(of: tools)
        var pinned: [Tool] = []
        for name in presentation.settings.pinned where MetaTool(rawValue: name) == nil {
            if let index = indexByName[name], !pinned.contains(where: { $0.name == name }) {
                pinned.append(tools[index])
            }
        }
        self.searchListing = MetaTool.allCases.map { $0.tool(listing: tools) } + pinned
        self.searchFingerprint = Self.fingerprint(of: searchListing)
    }

    /// 12 hex digits of a SHA-256 of the tools' names in order.
    private static func fingerprint(of tools: [Tool]) -> String {
        var hasher = SHA256()
        for tool in tools { hasher.update(data: Array(tool.name.utf8) + [0]) }
        return hasher.finalize().prefix(6).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// False when a provider's tools are missing (it failed to list them).
    package var isComplete: Bool { unavailable.isEmpty }

    /// The tool named `name` with its validators: of its input schema (nil when it could not be
    /// compiled) and of its output schema (nil when it declares none or it could not be compiled).
    package func tool(named name: String) -> (
        tool: Tool, validator: JSONSchemaValidator?, output: JSONSchemaValidator?
    )? {
        indexByName[name].map { (tools[$0], validators[$0], outputValidators[$0]) }
    }

    /// The serialized `tools/list` result (`{"tools": [...], "nextCursor": ...}`) for the page
    /// starting at `cursor`, for a client of `version`; nil when the cursor is not one of this
    /// list's (the list changed since it was handed out).
    ///
    /// The pages of a list are serialized at the first request for them, off the event loops
    /// (see ``Offloader``), then reused.
    package func page(
        cursor: ToolListCursor?, paging: Paging, version: String, listing: ToolPresentation.Listing = .direct,
        offloader: any Offloader
    ) async -> [UInt8]? {
        let (listed, fingerprint) = listing == .direct ? (tools, fingerprint) : (searchListing, searchFingerprint)
        if let cursor, cursor.list != fingerprint { return nil }
        let key = PageKey(paging: paging, version: version, listing: listing)
        if let made = pages.withLock({ $0[key] }) { return made.byOffset[cursor?.offset ?? 0] }
        let made = await offloader.run {
            Self.makePages(listed, fingerprint: fingerprint, paging: paging, version: version)
        }
        pages.withLock { $0[key] = made }
        return made.byOffset[cursor?.offset ?? 0]
    }

    /// Pages of at most `paging.size` tools, cut before a tool that would take the page past
    /// `paging.maxBytes` (a page holds at least one tool, however large). Clients limit what
    /// they accept in one message: the official Python client's legacy SSE transport refuses an
    /// event over 1 MiB.
    private static func makePages(_ tools: [Tool], fingerprint: String, paging: Paging, version: String) -> Pages {
        let encoded = tools.map { $0.mcpJSON(version: version).encoded() }
        var byOffset: [Int: [UInt8]] = [:]
        var start = 0
        repeat {
            var end = start
            var bytes = 64
            while end < tools.count, end - start < paging.size {
                let size = encoded[end].count + 1
                if end > start, bytes + size > paging.maxBytes { break }
                bytes += size
                end += 1
            }
            // `nextCursor` first, as the sorted keys of a JSON object encoding put it: a client
            // that looks for it need not read past a quarter-megabyte of tools.
            var page: [UInt8] = Array("{".utf8)
            page.reserveCapacity(bytes + 96)
            if end < tools.count {
                page += Array(#""nextCursor":"#.utf8)
                page += JSONValue.string(ToolListCursor(list: fingerprint, offset: end).encoded).encoded()
                page.append(UInt8(ascii: ","))
            }
            page += Array(#""tools":["#.utf8)
            for index in start..<end {
                if index > start { page.append(UInt8(ascii: ",")) }
                page += encoded[index]
            }
            page += Array("]}".utf8)
            byOffset[start] = page
            start = end
        } while start < tools.count
        return Pages(byOffset: byOffset)
    }

    /// The search index of this list, built at the first ask (off the event loops, by
    /// `offloader`) and kept; a failure when SQLite could not build it (logged by the caller).
    package func searchIndex(offloader: any Offloader) async -> Result<ToolSearchIndex, ToolSearchError> {
        let task = search.withLock { task in
            if let task { return task }
            let tools = self.tools
            let made = Task {
                await offloader.run { () -> Result<ToolSearchIndex, ToolSearchError> in
                    do throws(ToolSearchError) {
                        return .success(try ToolSearchIndex(tools.map(\.searchDocument)))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            task = made
            return made
        }
        return await task.value
    }

    /// The tool at `position` of ``tools`` (a search hit's document).
    package func tool(at position: Int) -> Tool { tools[position] }
}
