import Foundation

/// The opaque `tools/list` cursor: which list it came from (a fingerprint of its tool names, in
/// order) and where the next page starts. Clients only echo it back; a cursor of a list that
/// has changed since (a reload, a connected integration) is refused rather than continued on
/// the new list, where its offset would skip or repeat tools.
package struct ToolListCursor: Equatable {
    /// 12 hex digits of the list's fingerprint.
    package var list: String
    package var offset: Int

    private static let prefix = "tools:"

    /// The text handed to clients: base64url, so clients are not tempted to build their own.
    package var encoded: String {
        let base64 = Data((Self.prefix + list + ":" + String(offset)).utf8).base64EncodedString()
        return String(String.UnicodeScalarView(base64.unicodeScalars.compactMap(Self.toURLSafe)))
    }

    package init(list: String, offset: Int) {
        self.list = list
        self.offset = offset
    }

    /// Reads a cursor a client sent back; nil when it is not one of ours.
    package init?(encoded text: String) {
        guard text.utf8.count <= 96 else { return nil }
        var base64 = String(String.UnicodeScalarView(text.unicodeScalars.map(Self.fromURLSafe)))
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix(Self.prefix)
        else { return nil }
        let parts = plain.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let offset = Int(parts[1]), offset > 0 else { return nil }
        self.list = String(parts[0])
        self.offset = offset
    }

    // Scalar maps rather than Foundation's replacingOccurrences, which bridges through NSString
    // on every page of a walk.
    private static func toURLSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "+": "-"
        case "/": "_"
        case "=": nil
        default: scalar
        }
    }

    private static func fromURLSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "-": "+"
        case "_": "/"
        default: scalar
        }
    }
}
