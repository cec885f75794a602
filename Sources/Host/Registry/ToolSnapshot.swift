import JSONCore
import JSONSchema
import Synchronization

/// One user's tool list at one moment, ready to serve: the tools after `LIMIT_TO_*`, each with
/// its compiled input-schema validator, and the `tools/list` pages serialized once per protocol
/// version and then reused.
public final class ToolSnapshot: Sendable {
    /// The tools the user may see and call, in provider order.
    public let tools: [Tool]
    private let validators: [JSONSchemaValidator?]
    private let indexByName: [String: Int]
    /// Serialized `tools/list` results by page size and protocol version, one per page, made at
    /// first use.
    private let pages = Mutex<[String: [[UInt8]]]>([:])

    init(catalog: ToolCatalog, filter: ToolFilter, schemas: SchemaCache) {
        let tools = catalog.tools.filter(filter.allows)
        self.tools = tools
        self.validators = tools.map { schemas.validator(for: $0) }
        self.indexByName = Dictionary(tools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tool named `name` with its validator (nil when its schema could not be compiled).
    func tool(named name: String) -> (tool: Tool, validator: JSONSchemaValidator?)? {
        indexByName[name].map { (tools[$0], validators[$0]) }
    }

    /// The serialized `tools/list` result (`{"tools": [...], "nextCursor": ...}`) for the page
    /// starting at `cursor`, for a client of `version`; nil when the cursor does not belong to
    /// this list.
    func page(cursor: ToolListCursor?, pageSize: Int, version: String) -> [UInt8]? {
        let offset = cursor?.offset ?? 0
        guard offset == 0 || (offset < tools.count && offset % pageSize == 0) else { return nil }
        let index = offset / pageSize
        let key = "\(pageSize) \(version)"
        if let cached = pages.withLock({ $0[key] }) { return cached[index] }
        let made = makePages(pageSize: pageSize, version: version)
        pages.withLock { $0[key] = made }
        return made[index]
    }

    private func makePages(pageSize: Int, version: String) -> [[UInt8]] {
        var made: [[UInt8]] = []
        var start = 0
        repeat {
            let end = min(start + pageSize, tools.count)
            var result: [String: JSONValue] = ["tools": .array(tools[start..<end].map { $0.mcpJSON(version: version) })]
            if end < tools.count { result["nextCursor"] = .string(ToolListCursor(offset: end).encoded) }
            made.append(JSONValue.object(result).encoded())
            start = end
        } while start < tools.count
        return made
    }
}
