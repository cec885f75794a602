import Foundation

/// The opaque `tools/list` cursor: where the next page starts. Clients only echo it back.
struct ToolListCursor: Equatable {
    var offset: Int

    private static let prefix = "tools:"

    /// The text handed to clients: base64url, so clients are not tempted to build their own.
    var encoded: String {
        Data((Self.prefix + String(offset)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(offset: Int) {
        self.offset = offset
    }

    /// Reads a cursor a client sent back; nil when it is not one of ours.
    init?(encoded text: String) {
        guard text.count <= 64 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix(Self.prefix), let offset = Int(plain.dropFirst(Self.prefix.count)), offset > 0
        else { return nil }
        self.offset = offset
    }
}
