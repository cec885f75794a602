import Foundation
import ProviderKit

/// What a tool list says about an operation besides its schema: a title people read
/// ("Spotify: Get an Artist") and the MCP tool annotations, derived from the HTTP method.
/// Every operation acts on an external service, so all are open-world.
struct OperationHints: Equatable, Sendable {
    var readOnly: Bool
    var destructive: Bool
    var idempotent: Bool
    var openWorld = true

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

    init(readOnly: Bool, destructive: Bool, idempotent: Bool, openWorld: Bool = true) {
        self.readOnly = readOnly
        self.destructive = destructive
        self.idempotent = idempotent
        self.openWorld = openWorld
    }

    /// The MCP `annotations` object.
    var annotations: JSONValue {
        [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive),
            "idempotentHint": .bool(idempotent), "openWorldHint": .bool(openWorld),
        ]
    }

    /// The integration spelled out, `: `, then the summary as written, else the operationId
    /// spaced (`listPets` → `List Pets`), else the method and path (`GET /pets/{id}`).
    static func title(_ operation: ToolNaming.Operation) -> String {
        let name: String
        if let summary = operation.summary?.trimmingCharacters(in: .whitespacesAndNewlines), !summary.isEmpty {
            name = summary
        } else if let id = operation.operationID?.trimmingCharacters(in: .whitespaces), !id.isEmpty,
            case let words = spaced(id), !words.isEmpty
        {
            name = words
        } else {
            name = operation.method.uppercased() + " " + operation.path
        }
        let integration = spaced(
            operation.integration.hasPrefix("custom.")
                ? String(operation.integration.dropFirst("custom.".count)) : operation.integration)
        return integration.isEmpty ? name : integration + ": " + name
    }

    /// Words of an identifier, each with a capital first letter: split at `_`, `-`, `.`, spaces
    /// and a lower-case letter or digit followed by an upper-case one (`googleCalendar` →
    /// `Google Calendar`, `get_user-byID` → `Get User By ID`).
    static func spaced(_ identifier: String) -> String {
        var words: [String] = []
        var current = ""
        for character in identifier {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let last = current.last, last.isLowercase || last.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
