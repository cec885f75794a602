/// The payload a ``RequestStateSeal`` encrypts, layout version 1 (integers big-endian):
///
/// | bytes | field |
/// |---|---|
/// | 8 | `expiresAt`, seconds since 1970, two's complement |
/// | 16 | `nonce` |
/// | 32 | `argumentsDigest` |
/// | 2 + n | `userID`: its UTF-8 length, then its UTF-8 |
/// | 2 + n | `tool`, likewise |
/// | 2 + n | `integration`, likewise |
///
/// Nothing follows. Binary rather than JSON keeps the echoed text short.
enum RequestStateLayout {
    static let version: UInt8 = 1
    /// The payload of a state whose three strings are empty.
    static let minimumLength = 8 + RequestState.nonceLength + ArgumentsDigest.length + 3 * 2

    static func payload(_ state: RequestState) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(minimumLength + state.userID.utf8.count + state.tool.utf8.count + 32)
        let expiry = UInt64(bitPattern: Int64(state.expiresAt))
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: expiry >> shift)) }
        bytes += state.nonce
        bytes += state.argumentsDigest.bytes
        // A string over 65 535 bytes gets a wrong length here, but its text is far over
        // RequestStateSeal.maximumLength, so `open` refuses it before reading any of this.
        for text in [state.userID, state.tool, state.integration] {
            let length = UInt16(truncatingIfNeeded: text.utf8.count)
            bytes.append(UInt8(length >> 8))
            bytes.append(UInt8(length & 0xFF))
            bytes += text.utf8
        }
        return bytes
    }

    /// The state `payload` holds, or nil when it does not have the layout above.
    static func state(from payload: [UInt8]) -> RequestState? {
        var reader = Reader(bytes: payload)
        guard let expiryBytes = reader.take(8), let nonce = reader.take(RequestState.nonceLength),
            let digestBytes = reader.take(ArgumentsDigest.length), let digest = ArgumentsDigest(bytes: digestBytes),
            let userID = reader.string(), let tool = reader.string(), let integration = reader.string(),
            reader.isAtEnd
        else { return nil }
        let expiry = expiryBytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return RequestState(
            userID: userID, tool: tool, argumentsDigest: digest, integration: integration,
            expiresAt: Int(Int64(bitPattern: expiry)), nonce: nonce)
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ count: Int) -> [UInt8]? {
            guard bytes.count - index >= count else { return nil }
            defer { index += count }
            return Array(bytes[index..<index + count])
        }

        mutating func string() -> String? {
            guard let length = take(2) else { return nil }
            guard let utf8 = take(Int(length[0]) << 8 | Int(length[1])) else { return nil }
            return String(validating: utf8, as: UTF8.self)
        }
    }
}
