extension Sequence<UInt8> {
    /// The bytes as lowercase hexadecimal, two digits each: how the store keeps nonces, session
    /// keys and key fingerprints.
    var hexDigits: String {
        map { String(format: "%02x", $0) }.joined()
    }
}
