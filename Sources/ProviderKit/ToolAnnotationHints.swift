/// The MCP tool annotations a provider derives for a tool (MCP 2025-03-26 and later,
/// `ToolAnnotations`): whether it only reads, may destroy, is idempotent, and reaches outside
/// the server. Clients use them to ask before a destructive call. Providers state them per
/// tool; the host passes them to clients whose version knows them.
public protocol ToolAnnotationHints {
    var readOnly: Bool { get }
    var destructive: Bool { get }
    var idempotent: Bool { get }
    var openWorld: Bool { get }
}

extension ToolAnnotationHints {
    /// The MCP `annotations` object: `readOnlyHint`, `destructiveHint`, `idempotentHint`,
    /// `openWorldHint`.
    public var annotations: JSONValue {
        [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent), "openWorldHint": .bool(openWorld),
        ]
    }
}
