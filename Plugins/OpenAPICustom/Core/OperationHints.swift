import Foundation
import ParagonModel
import ProviderKit

/// What a tool list says about an operation besides its schema: a title people read
/// ("Spotify: Get an Artist") and the MCP tool annotations, derived from the HTTP method.
/// Every operation acts on an external service, so all are open-world.
struct OperationHints: ToolAnnotationHints, Equatable, Sendable {
    var readOnly: Bool
    var destructive: Bool
    var idempotent: Bool
    var openWorld = true

    /// The integration spelled out, `: `, then the summary as written, else the operationId
    /// spaced (`listPets` → `List Pets`), else the method and path (`GET /pets/{id}`).
    static func title(_ operation: ToolNaming.Operation) -> String {
        let name: String
        if let summary = operation.summary?.trimmingCharacters(in: .whitespacesAndNewlines), !summary.isEmpty {
            name = summary
        } else if let id = operation.operationID?.trimmingCharacters(in: .whitespaces), !id.isEmpty,
            case let words = IdentifierWords.spaced(id), !words.isEmpty
        {
            name = words
        } else {
            name = operation.method.uppercased() + " " + operation.path
        }
        let integration = IntegrationKey.spelledOut(operation.integration)
        return integration.isEmpty ? name : integration + ": " + name
    }
}

extension OperationHints {
    /// The hints of a method: GET and HEAD read; PUT overwrites (destructive, idempotent);
    /// DELETE removes (destructive, idempotent); PATCH changes in place (destructive, not
    /// idempotent); POST adds (neither). Any other method gets the spec's defaults: may write,
    /// may destroy, not idempotent.
    init(method: String) {
        switch method.uppercased() {
        case "GET", "HEAD": self.init(readOnly: true, destructive: false, idempotent: true)
        case "PUT", "DELETE": self.init(readOnly: false, destructive: true, idempotent: true)
        case "PATCH": self.init(readOnly: false, destructive: true, idempotent: false)
        case "POST": self.init(readOnly: false, destructive: false, idempotent: false)
        default: self.init(readOnly: false, destructive: true, idempotent: false)
        }
    }
}
