/// A JSON document with deterministic output: object keys keep the order they were given,
/// numbers print in their shortest round-trip form.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    /// A number given as exact decimal text (money), printed verbatim.
    case decimal(String)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// The document as text, indented by two spaces per level.
    public func rendered(indent: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    // Written as bytes: building a String piece by piece took most of `suppliers assess --json`'s time.
    private func write(into out: inout [UInt8], indent: Int) {
        func pad(_ level: Int) { out.append(contentsOf: repeatElement(0x20, count: 2 * level)) }
        switch self {
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                pad(indent + 1)
                JSONValue.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i == members.count - 1 ? "\n" : ",\n").utf8)
            }
            pad(indent)
            out.append(0x7D)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
            }
            pad(indent)
            out.append(0x5D)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .number(let d): JSONValue.number(d, into: &out)
        case .decimal(let s): out.append(contentsOf: s.utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    /// A number in its shortest round-trip form (integers without a fraction), `null` when not finite.
    static func number(_ d: Double, into out: inout [UInt8]) {
        out.append(contentsOf: (d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null").utf8)
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            // Fast path: nothing to escape.
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                out.append(contentsOf: bytes)
                return
            }
            for b in bytes {
                switch b {
                case 0x22: out.append(contentsOf: "\\\"".utf8)
                case 0x5C: out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case let c where c < 0x20:
                    let hex = String(c, radix: 16)
                    out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: out.append(b)
                }
            }
        }
        out.append(0x22)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
