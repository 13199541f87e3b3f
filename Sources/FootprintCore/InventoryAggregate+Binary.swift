/// A compact binary form of an inventory, for storage: a run's inventory is read and written on
/// every calculation, and text formats cost more than the calculation itself for small updates.
///
/// Little-endian; strings are a UInt32 byte count and UTF-8; a cell is 5 x Int64 lines, 5 x Int128
/// nano-kg, a UInt32 count and that many (UInt32 packed currency, Int128 spend units).
///
/// Version 3 follows the version byte with a flag byte (1 when the supplier x Scope 3 category
/// grouping is present, after the five others) and adds the fall-through section after the
/// unmapped one. Version 1 (runs stored before both) is still read, as an inventory without them
/// (`hasSupplierScope3` false).
extension InventoryAggregate {
    static let binaryVersion: UInt8 = 3

    public func binary() -> [UInt8] {
        var w = BinaryWriter()
        w.byte(Self.binaryVersion)
        w.byte(hasSupplierScope3 ? 1 : 0)
        w.cell(total)
        for m in 0..<5 { w.spend(methodSpendUnits[m]) }
        for dimension in Dimension.allCases where dimension != .supplierScope3 || hasSupplierScope3 {
            let cells = (groups[dimension] ?? [:]).sorted { $0.key < $1.key }
            w.u32(UInt32(cells.count))
            for (key, cell) in cells {
                w.string(key)
                w.cell(cell)
            }
        }
        for table in [unmapped, fallThrough] {
            let reasons = table.sorted { $0.key < $1.key }
            w.u32(UInt32(reasons.count))
            for (key, cell) in reasons {
                w.string(key.code)
                w.string(key.subject)
                w.string(key.explanation)
                w.cell(cell)
            }
        }
        return w.bytes
    }

    /// Reads `binary()`'s output; nil when the bytes are not an inventory of this version.
    public init?(binary bytes: [UInt8]) {
        var r = BinaryReader(bytes: bytes)
        guard let version = r.byte(), version == 1 || version == Self.binaryVersion else { return nil }
        var crossPresent = false
        if version == Self.binaryVersion {
            guard let flag = r.byte(), flag <= 1 else { return nil }
            crossPresent = flag == 1
        }
        guard let total = r.cell() else { return nil }
        self.init()
        self.total = total
        hasSupplierScope3 = crossPresent
        for m in 0..<5 {
            guard let spend = r.spend() else { return nil }
            methodSpendUnits[m] = spend
        }
        for dimension in Dimension.allCases where dimension != .supplierScope3 || crossPresent {
            guard let count = r.u32() else { return nil }
            var cells: [String: Cell] = [:]
            cells.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = r.string(), let cell = r.cell() else { return nil }
                cells[key] = cell
            }
            if !cells.isEmpty { groups[dimension] = cells }
        }
        for section in 0..<(version == 1 ? 1 : 2) {
            guard let count = r.u32() else { return nil }
            for _ in 0..<count {
                guard let code = r.string(), let subject = r.string(), let explanation = r.string(), let cell = r.cell() else { return nil }
                let key = UnmappedKey(code: code, subject: subject, explanation: explanation)
                if section == 0 { unmapped[key] = cell } else { fallThrough[key] = cell }
            }
        }
        guard r.atEnd else { return nil }
    }
}

extension InventoryAggregate.UnmappedKey {
    init(code: String, subject: String, explanation: String) {
        self.code = code
        self.subject = subject
        self.explanation = explanation
    }
}

private struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i128(_ v: Int128) {
        i64(Int64(truncatingIfNeeded: v))
        i64(Int64(truncatingIfNeeded: v >> 64))
    }
    mutating func string(_ s: String) {
        u32(UInt32(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
    mutating func spend(_ spend: [CurrencyCode: Int128]) {
        let sorted = spend.sorted { $0.key < $1.key }
        u32(UInt32(sorted.count))
        for (currency, units) in sorted {
            u32(currency.packed)
            i128(units)
        }
    }
    mutating func cell(_ c: InventoryAggregate.Cell) {
        for m in 0..<5 { i64(Int64(c.lines[m])) }
        for m in 0..<5 { i128(c.nanoKg[m]) }
        spend(c.spend)
    }
}

private struct BinaryReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        position += 1
        return bytes[position - 1]
    }
    mutating func u32() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[position + i]) << (8 * i) }
        position += 4
        return v
    }
    mutating func i64() -> Int64? {
        guard position + 8 <= bytes.count else { return nil }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[position + i]) << (8 * i) }
        position += 8
        return Int64(bitPattern: v)
    }
    mutating func i128() -> Int128? {
        guard let low = i64(), let high = i64() else { return nil }
        return Int128(high) << 64 | Int128(UInt64(bitPattern: low))
    }
    mutating func string() -> String? {
        guard let n = u32(), position + Int(n) <= bytes.count else { return nil }
        let s = String(decoding: bytes[position..<position + Int(n)], as: UTF8.self)
        position += Int(n)
        return s
    }
    mutating func spend() -> [CurrencyCode: Int128]? {
        guard let n = u32() else { return nil }
        var result: [CurrencyCode: Int128] = [:]
        for _ in 0..<n {
            guard let packed = u32(), let units = i128(),
                let code = CurrencyCode(UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF))
            else { return nil }
            result[code] = units
        }
        return result
    }
    mutating func cell() -> InventoryAggregate.Cell? {
        var c = InventoryAggregate.Cell()
        for m in 0..<5 {
            guard let v = i64() else { return nil }
            c.lines[m] = Int(v)
        }
        for m in 0..<5 {
            guard let v = i128() else { return nil }
            c.nanoKg[m] = v
        }
        guard let spend = spend() else { return nil }
        c.spend = spend
        return c
    }
}
