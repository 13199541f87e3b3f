import FootprintCore

/// Reads the stored JSON of a status fact (`supplier_status.value`: one flat object of strings,
/// integers, booleans and integer arrays, as `insertFact` writes it) without Foundation's decoder,
/// which cost most of an assessment of thousands of suppliers. Returns nil for anything else, and
/// the caller falls back to `JSONDecoder`.
enum StatusFactJSON {
    static func decode(_ text: String) -> SupplierStatusFact? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// The same, from the UTF-8 bytes of the JSON text.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> SupplierStatusFact? {
        var p = Parser(bytes: bytes)
        return p.fact()
    }

    /// The members `insertFact` writes.
    private enum Key: String, CaseIterable {
        case supplier, kind, source, checkedOn, sbtiStatus, classification, cdpScore, level, evidence, auditDate, auditStatus
        case nearTermTargetYear, netZeroYear, netZeroCommitted, member, available, scopes
        static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    }

    private enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case ints([Int])
        case null
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }

        mutating func expect(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }

        mutating func string() -> String? {
            guard expect(0x22) else { return nil }
            let start = i
            var escaped = false
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C {
                    escaped = true
                    i += 1
                }
                i += 1
            }
            guard i < bytes.count else { return nil }
            i += 1
            guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i - 1]), as: UTF8.self) }
            // With escapes (rare), the string and its quotes through the strict JSON parser; nil (the decoder's turn) for what it rejects.
            guard case .string(let s)? = try? JSONValue.parse(bytes[start - 1..<i]) else { return nil }
            return s
        }

        mutating func int() -> Int? {
            skipSpace()
            var negative = false
            if i < bytes.count, bytes[i] == 0x2D {
                negative = true
                i += 1
            }
            var v = 0
            var digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                v = v * 10 + Int(bytes[i] - 0x30)
                i += 1
                digits += 1
            }
            guard digits > 0, digits < 18, i >= bytes.count || (bytes[i] != 0x2E && bytes[i] != 0x65 && bytes[i] != 0x45) else { return nil }
            return negative ? -v : v
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func value() -> Value? {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case 0x22: return string().map(Value.string)
            case 0x74: return literal("true") ? .bool(true) : nil
            case 0x66: return literal("false") ? .bool(false) : nil
            case 0x6E: return literal("null") ? .null : nil
            case 0x5B:
                i += 1
                var items: [Int] = []
                if expect(0x5D) { return .ints(items) }
                repeat {
                    guard let v = int() else { return nil }
                    items.append(v)
                } while expect(0x2C)
                return expect(0x5D) ? .ints(items) : nil
            default: return int().map(Value.int)
            }
        }

        mutating func fact() -> SupplierStatusFact? {
            guard expect(0x7B) else { return nil }
            var supplier: String?
            var kind: SupplierStatusKind?
            var source: String?
            var checkedOn: String?
            var f = SupplierStatusFact(supplier: "", kind: .sbti, source: "", checkedOn: "")
            if !expect(0x7D) {
                repeat {
                    // One hash lookup per key: matching the key against each name in turn cost most of the parse.
                    guard let name = string(), expect(0x3A), let v = value() else { return nil }
                    guard let key = Key.byName[name] else { return nil }  // another key: another shape
                    switch (key, v) {
                    case (_, .null): break
                    case (.supplier, .string(let s)): supplier = s
                    case (.kind, .string(let s)):
                        guard let k = SupplierStatusKind(rawValue: s) else { return nil }
                        kind = k
                    case (.source, .string(let s)): source = s
                    case (.checkedOn, .string(let s)): checkedOn = s
                    case (.sbtiStatus, .string(let s)):
                        guard let x = SBTiStatus(rawValue: s) else { return nil }
                        f.sbtiStatus = x
                    case (.classification, .string(let s)):
                        guard let x = SBTiClassification(rawValue: s) else { return nil }
                        f.classification = x
                    case (.cdpScore, .string(let s)):
                        guard let x = CDPScore(rawValue: s) else { return nil }
                        f.cdpScore = x
                    case (.level, .string(let s)): f.level = s
                    case (.evidence, .string(let s)): f.evidence = s
                    case (.auditDate, .string(let s)): f.auditDate = s
                    case (.auditStatus, .string(let s)): f.auditStatus = s
                    case (.nearTermTargetYear, .int(let n)): f.nearTermTargetYear = n
                    case (.netZeroYear, .int(let n)): f.netZeroYear = n
                    case (.netZeroCommitted, .bool(let b)): f.netZeroCommitted = b
                    case (.member, .bool(let b)): f.member = b
                    case (.available, .bool(let b)): f.available = b
                    case (.scopes, .ints(let list)): f.scopes = list
                    default: return nil  // another type: another shape
                    }
                } while expect(0x2C)
                guard expect(0x7D) else { return nil }
            }
            skipSpace()
            guard i == bytes.count, let supplier, let kind, let source, let checkedOn else { return nil }
            f.supplier = supplier
            f.kind = kind
            f.source = source
            f.checkedOn = checkedOn
            return f
        }
    }
}
