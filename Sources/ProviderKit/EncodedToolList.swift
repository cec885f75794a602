import JSONCore

/// Tools encoded once, to be listed many times: a provider whose catalog is fixed at load (the
/// OpenAPI provider's specs) keeps it so, instead of encoding every tool again on every
/// listing, where a large catalog would cost each listing the same work again.
public struct EncodedToolList: Sendable {
    /// The tools' JSON objects (``ToolDescriptor/json``), comma-separated, without brackets.
    let members: [UInt8]

    public init(_ tools: [ToolDescriptor]) {
        var members: [UInt8] = []
        for tool in tools {
            if !members.isEmpty { members.append(UInt8(ascii: ",")) }
            members += tool.json.encoded()
        }
        self.members = members
    }

    /// The JSON array of every tool of `lists`, in order: the bytes the host reads from a listing.
    public static func array(_ lists: [EncodedToolList]) -> [UInt8] {
        var array: [UInt8] = [UInt8(ascii: "[")]
        array.reserveCapacity(lists.reduce(2) { $0 + $1.members.count + 1 })
        for list in lists where !list.members.isEmpty {
            if array.count > 1 { array.append(UInt8(ascii: ",")) }
            array += list.members
        }
        array.append(UInt8(ascii: "]"))
        return array
    }
}
