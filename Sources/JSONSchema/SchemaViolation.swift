/// One way an instance fails its schema: where (a JSON Pointer into the instance, `""` for the
/// root) and why.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}
