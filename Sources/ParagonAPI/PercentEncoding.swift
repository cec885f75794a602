/// Percent-encoding of URL parts (RFC 3986 §2.1-2.4), for every provider that writes a URL.
///
/// ``encode(_:allowReserved:)``: every byte of the UTF-8 text outside the unreserved set
/// (`A-Z a-z 0-9 - . _ ~`, §2.3) becomes `%XX` (upper-case hex). With `allowReserved` (OAS
/// `allowReserved: true`, RFC 6570 reserved expansion) the reserved characters of §2.2 and
/// `%XX` triplets stay as they are, but for those OAS 3.1.1 (Parameter Object, `allowReserved`)
/// leaves the application to encode: `[`, `]` and `#`, which a query may not hold (§3.4; `#`
/// would start a fragment), and `&`, `=` and `+`, which delimit and mean space in
/// `application/x-www-form-urlencoded` (a value could otherwise add parameters); a `%` that
/// starts no triplet is encoded too.
public enum PercentEncoding {
    public static func encode(_ text: String, allowReserved: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) || (allowReserved && isReservedKeptInQuery(byte)) {
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

    /// The bytes `text` stands for: each `%XX` triplet decoded, anything else as it is
    /// (a `%` that starts no triplet stays).
    public static func decode(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// RFC 3986 §2.3.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    /// RFC 3986 §2.2's gen-delims and sub-delims, less `[ ] #` and `& = +` (see the type's note).
    private static func isReservedKeptInQuery(_ byte: UInt8) -> Bool {
        ":/?@!$'()*,;".utf8.contains(byte)
    }

    private static func isHex(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
