import JSONCore
import JSONSchema
import Logging
import Synchronization

/// Compiled tool schemas (input schemas, and output schemas where tools declare them), each
/// compiled once however many tools, lists and calls share it. A schema that does not compile
/// is logged once; its tools stay listed, their calls pass through unvalidated and their
/// structured content unchecked.
package final class SchemaCache: Sendable {
    private let compiled = Mutex<[JSONValue: JSONSchemaValidator?]>([:])
    private static let limit = 20_000
    package let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    /// The validator of `tool`'s input schema, or nil when it cannot be compiled.
    package func validator(for tool: Tool) -> JSONSchemaValidator? {
        validator(of: tool.inputSchema, named: "input", tool: tool, unchecked: "its calls are not validated")
    }

    /// The validator of `tool`'s output schema; nil when it declares none or it cannot be compiled.
    package func outputValidator(for tool: Tool) -> JSONSchemaValidator? {
        guard let schema = tool.outputSchema else { return nil }
        return validator(of: schema, named: "output", tool: tool, unchecked: "its structured content is not checked")
    }

    private func validator(
        of schema: JSONValue, named which: String, tool: Tool, unchecked: String
    ) -> JSONSchemaValidator? {
        if let known = compiled.withLock({ $0[schema] }) { return known }
        let validator: JSONSchemaValidator?
        do {
            validator = try JSONSchemaValidator(schema: schema)
        } catch {
            logger.error(
                "the \(which) schema of tool \(tool.name) cannot be compiled; \(unchecked): \(error)",
                metadata: ["provider": "\(tool.providerName)"])
            validator = nil
        }
        compiled.withLock { cache in
            if cache.count >= Self.limit { cache.removeAll(keepingCapacity: true) }
            cache[schema] = validator
        }
        return validator
    }
}
