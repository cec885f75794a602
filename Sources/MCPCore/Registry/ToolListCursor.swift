/// The opaque `tools/list` cursor: which list it came from (a fingerprint of its tool names, in
/// order) and where the next page starts. Clients only echo it back; a cursor of a list that
/// has changed since (a reload, a connected integration) is refused rather than continued on
/// the new list, where its offset would skip or repeat tools.
package struct ToolListCursor: Equatable {
    /// 12 hex digits of the list's fingerprint.
    package var list: String
    package var offset: Int

    private static let prefix = "tools:"

    /// The text handed to clients: unpadded base64url (``Base64URL``), so clients are not
    /// tempted to build their own.
    package var encoded: String {
        Base64URL.encode(Array((Self.prefix + list + ":" + String(offset)).utf8))
    }

    package init(list: String, offset: Int) {
        self.list = list
        self.offset = offset
    }

    /// Reads a cursor a client sent back; nil when it is not one of ours.
    package init?(encoded text: String) {
        guard text.utf8.count <= 96, let bytes = Base64URL.decode(text),
            let plain = String(validating: bytes, as: UTF8.self), plain.hasPrefix(Self.prefix)
        else { return nil }
        let parts = plain.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let offset = Int(parts[1]), offset > 0 else { return nil }
        self.list = String(parts[0])
        self.offset = offset
    }
}
