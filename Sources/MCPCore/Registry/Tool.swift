import JSONCore

/// A tool as the registry serves it: what its provider listed, and which provider runs it.
package struct Tool: Sendable {
    package var name: String
    package var integration: String
    package var title: String?
    package var description: String?
    package var inputSchema: JSONValue
    package var outputSchema: JSONValue?
    package var annotations: JSONValue?
    /// The key in config.yaml of the provider that runs it.
    package var providerName: String
    /// Arguments a 2026-07-28 client mirrors in `Mcp-Param-{token}` headers: the input schema's
    /// properties of type string, integer or boolean that carry `x-mcp-header` (MCP
    /// 2026-07-28, Streamable HTTP: parameter headers). Usually none.
    package var headerArguments: [HeaderArgument] = []
}

/// An argument mirrored in a request header: the input schema's property and the header's token.
package struct HeaderArgument: Sendable, Equatable {
    /// The property of the input schema (the argument's name).
    package var property: String
    /// The header's name after `Mcp-Param-`, as the schema spells it.
    package var token: String

    /// The header arguments an input schema declares, in property order.
    package static func declared(in schema: JSONValue) -> [HeaderArgument] {
        guard let properties = schema["properties"]?.objectValue else { return [] }
        return properties.keys.sorted().compactMap { property in
            let definition = properties[property]
            guard let token = definition?["x-mcp-header"]?.stringValue, !token.isEmpty,
                let type = definition?["type"]?.stringValue, ["string", "integer", "boolean"].contains(type)
            else { return nil }
            return HeaderArgument(property: property, token: token)
        }
    }
}

extension Tool {
    /// Reads one entry of a provider's tool list; nil with a reason when it is malformed.
    package static func decode(_ value: JSONValue, provider: String) -> Result<Tool, ToolListProblem> {
        guard let object = value.objectValue else { return .failure(.init(reason: "an entry is not an object")) }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            return .failure(.init(reason: "an entry has no name"))
        }
        guard let integration = object["integration"]?.stringValue else {
            return .failure(.init(reason: "tool \(name) names no integration"))
        }
        guard case .object(let raw)? = object["inputSchema"] else {
            return .failure(.init(reason: "tool \(name) has no inputSchema object"))
        }
        let schema: [String: JSONValue]
        switch normalizedInputSchema(raw) {
        case .success(let normalized): schema = normalized
        case .failure(let problem): return .failure(.init(reason: "tool \(name): \(problem.reason)"))
        }
        // `.some`: a bare `nil` would be read as JSONValue.null, keeping a null member.
        let outputSchema = object["outputSchema"].flatMap { $0 == .null ? nil : .some($0) }
        if let outputSchema, outputSchema["type"] != "object" {
            let written = outputSchema["type"].map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "none"
            return .failure(.init(reason: "tool \(name): its outputSchema is not an object schema (type \(written))"))
        }
        return .success(
            Tool(
                name: name, integration: integration, title: object["title"]?.stringValue,
                description: object["description"]?.stringValue, inputSchema: .object(schema),
                outputSchema: outputSchema,
                // `.some`: a bare `nil` would be read as JSONValue.null, keeping a null member.
                annotations: object["annotations"].flatMap { $0 == .null ? nil : .some($0) },
                providerName: provider, headerArguments: HeaderArgument.declared(in: .object(schema))))
    }
}

/// A tool's input schema as MCP lists it: an object schema (`type: "object"`; arguments are
/// always an object, so `["object", "null"]` is `"object"` too) with `properties` (added when
/// missing or null: some clients, OpenAI's function calling among them, refuse a tool without,
/// and with it the whole list). A schema for something other than an object cannot describe
/// arguments: its tool is dropped. So is a tool whose `outputSchema` is not `type: "object"`
/// (MCP 2025-06-18, schema.ts `Tool.outputSchema`): clients that check the list's shape would
/// refuse the whole list for it.
package func normalizedInputSchema(_ raw: [String: JSONValue]) -> Result<[String: JSONValue], ToolListProblem> {
    var schema = raw
    switch schema["type"] {
    case nil, "object"?: schema["type"] = "object"
    case .array(let types)? where types.contains("object"): schema["type"] = "object"
    case let other?:
        let written = String(decoding: other.encoded(), as: UTF8.self)
        return .failure(.init(reason: "its inputSchema is not an object schema (type \(written))"))
    }
    switch schema["properties"] {
    case nil, .null?: schema["properties"] = .object([:])
    case .object?: break
    case .some: return .failure(.init(reason: "its inputSchema's properties is not an object"))
    }
    return .success(schema)
}

/// Why an entry of a provider's tool list was dropped.
package struct ToolListProblem: Error {
    package var reason: String
}
