/// Turns an export's bytes into UTF-8 in the mapping's encoding, itself: no reliance on the
/// platform's encoding tables. Line feeds are the byte 0x0A in all three encodings, so physical
/// line numbers are the same before and after.
enum ERPTextDecoder {
    /// Windows-1252's characters for the bytes 0x80...0x9F. The five bytes the code page leaves
    /// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control of the same value, as in the
    /// WHATWG Encoding Standard.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The UTF-8 text, or a diagnostic for each line that cannot be decoded.
    static func utf8(_ bytes: [UInt8], encoding: ERPMapping.TextEncoding, file: String) -> Result<[UInt8], InputError> {
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        switch encoding {
        case .utf8:
            let body = hasBOM ? Array(bytes[3...]) : bytes
            if String(validating: body, as: UTF8.self) != nil { return .success(body) }
            return .failure(InputError(invalidUTF8Lines(body, file: file)))
        case .windows1252, .iso88591:
            if hasBOM {
                return .failure(
                    InputError(
                        file: file,
                        line: 1,
                        message:
                            "the file starts with a UTF-8 byte-order mark, but the mapping says \"encoding\": \"\(encoding.rawValue)\"; expected \"utf-8\""
                    )
                )
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes {
                if b < 0x80 {
                    out.append(b)
                    continue
                }
                let scalar = encoding == .windows1252 && b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt32(b)
                appendUTF8(scalar, to: &out)
            }
            return .success(out)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// One diagnostic per physical line that is not valid UTF-8.
    private static func invalidUTF8Lines(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var line = 1
        for slice in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(validating: slice, as: UTF8.self) == nil {
                let bad = firstInvalidByte(slice)
                diagnostics.append(
                    Diagnostic(
                        file: file,
                        line: line,
                        message: "the line is not valid UTF-8 (byte 0x\(String(bad, radix: 16, uppercase: true))); expected UTF-8, as the mapping's "
                            + "\"encoding\" says; if the export is in Windows-1252 or ISO-8859-1, set \"encoding\" to that"
                    )
                )
            }
            line += 1
        }
        return diagnostics
    }

    private static func firstInvalidByte(_ slice: ArraySlice<UInt8>) -> UInt8 {
        var i = slice.startIndex
        while i < slice.endIndex {
            let b = slice[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= slice.endIndex,
                String(validating: slice[i..<(i + length)], as: UTF8.self) != nil
            else { return b }
            i += length
        }
        return slice.first ?? 0
    }
}
