/// Why a schema could not be compiled (it is then not used to validate).
public struct SchemaCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON Pointer into the schema.
    public var schemaPath: String
    public var message: String

    public var description: String { "schema \(schemaPath.isEmpty ? "/" : schemaPath): \(message)" }
}
