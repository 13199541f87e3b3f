extension JSONValue {
    /// The document as UTF-8 bytes without any whitespace (numbers and decimals as in ``rendered(indent:)``).
    public func compactData() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        writeCompact(into: &out)
        return out
    }

    /// The document as a string without any whitespace.
    public func compactString() -> String { String(decoding: compactData(), as: UTF8.self) }

    /// Appends the document without whitespace to `out` (for serialising many values into one buffer).
    public func writeCompact(into out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in members {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONValue.writeQuoted(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                item.writeCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let s): JSONValue.writeQuoted(s, into: &out)
        case .decimal(let s): out.append(contentsOf: s.utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .number: out.append(contentsOf: rendered().utf8)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `s` as a JSON string literal; only `"`, `\` and control characters are escaped.
    static func writeQuoted(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for k in 0..<utf8.count {
                let b = utf8[k]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if k > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<k])) }
                runStart = k + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                }
            }
            if runStart < utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
