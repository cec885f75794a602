/// A parsed spec file: its integration and its operations as tools.
struct SpecFile: Sendable {
    var file: String
    var integration: String
    var tools: [OperationTool]
}
