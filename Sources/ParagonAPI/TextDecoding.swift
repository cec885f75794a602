import Foundation

/// A text answer's bytes as a string, by the `charset` of its media type (RFC 9110 §8.3.2;
/// labels read as the WHATWG Encoding Standard reads them, so `iso-8859-1`, `latin1` and
/// `us-ascii` are windows-1252, as browsers decode them). No charset, or one this server does
/// not know, is UTF-8 (invalid bytes replaced); bytes the charset cannot decode fall back to
/// ISO-8859-1 for the single-byte charsets, else to UTF-8.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        guard let label = charset?.lowercased(), let encoding = encodings[label], encoding != .utf8 else {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let text = String(data: Data(bytes), encoding: encoding) { return text }
        if singleByte.contains(encoding), let text = String(data: Data(bytes), encoding: .isoLatin1) { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let singleByte: Set<String.Encoding> = [
        .windowsCP1250, .windowsCP1251, .windowsCP1252, .windowsCP1253, .windowsCP1254, .isoLatin2, .macOSRoman,
    ]

    /// Charset labels (lower-cased) and their decoders.
    private static let encodings: [String: String.Encoding] = [
        "utf-8": .utf8, "utf8": .utf8, "unicode-1-1-utf-8": .utf8,
        "iso-8859-1": .windowsCP1252, "iso8859-1": .windowsCP1252, "latin1": .windowsCP1252, "l1": .windowsCP1252,
        "us-ascii": .windowsCP1252, "ascii": .windowsCP1252, "windows-1252": .windowsCP1252,
        "cp1252": .windowsCP1252,
        "iso-8859-2": .isoLatin2, "latin2": .isoLatin2, "windows-1250": .windowsCP1250, "cp1250": .windowsCP1250,
        "windows-1251": .windowsCP1251, "cp1251": .windowsCP1251, "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "iso-8859-9": .windowsCP1254, "latin5": .windowsCP1254,
        "macintosh": .macOSRoman, "mac": .macOSRoman,
        "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
        "utf-32": .utf32, "utf-32le": .utf32LittleEndian, "utf-32be": .utf32BigEndian,
        "shift_jis": .shiftJIS, "sjis": .shiftJIS, "windows-31j": .shiftJIS, "euc-jp": .japaneseEUC,
        "iso-2022-jp": .iso2022JP,
    ]
}
