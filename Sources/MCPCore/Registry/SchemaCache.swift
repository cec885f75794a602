import JSONCore
import JSONSchema
import Logging
import Synchronization

/// Compiled input schemas, each compiled once however many tools, lists and calls share it.
/// A schema that does not compile is logged once; its tools stay listed and their calls pass
/// through unvalidated.
package final class SchemaCache: Sendable {
    private let compiled = Mutex<[JSONValue: JSONSchemaValidator?]>([:])
    private static let limit = 20_000
    package let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    /// The validator of `tool`'s input schema, or nil when it cannot be compiled.
    package func validator(for tool: Tool) -> JSONSchemaValidator? {
        if let known = compiled.withLock({ $0[tool.inputSchema] }) { return known }
        let validator: JSONSchemaValidator?
        do {
            validator = try JSONSchemaValidator(schema: tool.inputSchema)
        } catch {
            logger.error(
                "the input schema of tool \(tool.name) cannot be compiled; its calls are not validated: \(error)",
                metadata: ["provider": "\(tool.providerName)"])
            validator = nil
        }
        compiled.withLock { cache in
            if cache.count >= Self.limit { cache.removeAll(keepingCapacity: true) }
            cache[tool.inputSchema] = validator
        }
        return validator
    }
}
