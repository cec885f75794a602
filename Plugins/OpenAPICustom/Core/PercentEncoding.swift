/// Percent-encoding of URL parts (RFC 3986 §2.1-2.4): every byte of the UTF-8 text outside
/// the unreserved set (`A-Z a-z 0-9 - . _ ~`) becomes `%XX` (upper-case hex). With
/// `allowReserved` (OAS `allowReserved: true`), the reserved characters of §2.2 stay too, but
/// `#` (which would end the URL's query) and `%` that does not start a `%XX` triplet.
enum PercentEncoding {
    static func encode(_ text: String, allowReserved: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) || (allowReserved && isReserved(byte)) {
                result.append(byte)
            } else if allowReserved, byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]),
                isHex(bytes[index + 2])
            {
                result.append(byte)
            } else {
                result.append(UInt8(ascii: "%"))
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// RFC 3986 §2.2's gen-delims and sub-delims, less `#`.
    static func isReserved(_ byte: UInt8) -> Bool {
        ":/?[]@!$&'()*+,;=".utf8.contains(byte)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
            UInt8(ascii: "a")...UInt8(ascii: "f"):
            return true
        default: return false
        }
    }
}
