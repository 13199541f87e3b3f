/// A compact binary form of an inventory, for storage: a run's inventory is read and written on
/// every calculation, and text formats cost more than the calculation itself for small updates.
///
/// Little-endian; strings are a UInt32 byte count and UTF-8; a cell is 5 x Int64 lines, 5 x Int128
/// nano-kg, a UInt32 count and that many (UInt32 packed currency, Int128 spend units).
///
/// The version byte is followed by a flag byte (1 when the supplier x Scope 3 category grouping is
/// present, after the five others); the unmapped section is followed by the fall-through section.
/// Version 4 writes each unmapped reason typed: a kind byte (0 no factor, 1 no exchange rate, 2 no
/// price index) and its fields (the category; the packed currency and the year; the year), and each
/// fall-through as its code and subject. Versions 3 and 1 (runs stored before; version 1 without the
/// flag and fall-through section, read with `hasSupplierScope3` false) kept reasons as code, subject
/// and explanation texts; they are still read, through `UnmappedReason(code:subject:)`.
///
/// Version 5 adds, after the fall-through section, the corporate inventory's boundary: a byte (1
/// when the inventory has a reporting period, then its fiscal year Int64 and start month byte), the
/// cell of the lines outside the period, and the excluded lines by reason (a UInt32 count, then each
/// reason's text and cell). Versions 4, 3 and 1 read with no period and nothing left out.
///
/// Version 6 (issue 14) appends the lines of products made by another company than their invoicing
/// supplier (`manufactured`): a byte (1 when the inventory knows them: `hasManufactured`), a UInt32 count, then each cell's Scope 3 category (Int64), supplier,
/// manufacturer and cell. Earlier versions read with `hasManufactured` false.
///
/// Version 7 (issue 15) appends the purchase lines by what a customer allocation's pools select
/// (`poolSources`): a byte (1 when the inventory has them: `hasPoolSources`), a UInt32 count, then
/// each cell's Scope 3 category (byte), a byte of flags (1 supplier, 2 category, 4 customer given),
/// the texts flagged, 5 x Int64 lines and 5 x Int128 nano-kg (no spend). Earlier versions read with
/// `hasPoolSources` false.
extension InventoryAggregate {
    static let binaryVersion: UInt8 = 7

    public func binary() -> [UInt8] {
        var order: PoolSourceOrder?
        return binary(poolSourceOrder: &order)
    }

    /// `binary()`, with the pool-source cells in `order` when it names exactly the cells this inventory
    /// has (a run made from the one stored before has the same cells, most times), else sorted; `order`
    /// is then what was written, for the next run.
    public func binary(poolSourceOrder order: inout PoolSourceOrder?) -> [UInt8] {
        write(poolSourceOrder: &order, recordingLayout: false).bytes
    }

    /// `binary(poolSourceOrder:)` and where each cell's nano-kg stand in its bytes (`patch(_:layout:changed:)`).
    public func binaryWithLayout(poolSourceOrder order: inout PoolSourceOrder?) -> (bytes: [UInt8], layout: BinaryLayout) {
        let (bytes, layout) = write(poolSourceOrder: &order, recordingLayout: true)
        return (bytes, layout ?? BinaryLayout(shape: BinaryLayout.Shape(self)))
    }

    private func write(poolSourceOrder order: inout PoolSourceOrder?, recordingLayout: Bool) -> (bytes: [UInt8], layout: BinaryLayout?) {
        var w = BinaryWriter()
        var at: BinaryLayout? = recordingLayout ? BinaryLayout(shape: BinaryLayout.Shape(self)) : nil
        // A cell's nano-kg follow its five line counts (8 bytes each).
        func mark(_ record: (inout BinaryLayout, Int) -> Void) {
            if at != nil { record(&at!, w.bytes.count + 40) }
        }
        w.byte(Self.binaryVersion)
        w.byte(hasSupplierScope3 ? 1 : 0)
        mark { $0.total = $1 }
        w.cell(total)
        for m in 0..<5 { w.spend(methodSpendUnits[m]) }
        for dimension in Dimension.allCases where dimension != .supplierScope3 || hasSupplierScope3 {
            let cells = (groups[dimension] ?? [:]).sortedByKey()
            w.u32(UInt32(cells.count))
            for (key, cell) in cells {
                w.string(key)
                mark { $0.groups[dimension, default: [:]][key] = $1 }
                w.cell(cell)
            }
        }
        let reasons = unmapped.sortedByKey()
        w.u32(UInt32(reasons.count))
        for (reason, cell) in reasons {
            switch reason {
            case .noFactor(let category):
                w.byte(0)
                w.string(category)
            case .noExchangeRate(let currency, let year):
                w.byte(1)
                w.u32(currency.packed)
                w.i64(Int64(year))
            case .noPriceIndex(let year):
                w.byte(2)
                w.i64(Int64(year))
            }
            w.cell(cell)
        }
        let fellThrough = fallThrough.sortedByKey()
        w.u32(UInt32(fellThrough.count))
        for (reason, cell) in fellThrough {
            w.string(reason.code)
            w.string(reason.subject)
            mark { $0.fallThrough[reason] = $1 }
            w.cell(cell)
        }
        if let period {
            w.byte(1)
            w.i64(Int64(period.year))
            w.byte(UInt8(period.startMonth))
        } else {
            w.byte(0)
        }
        w.cell(outsidePeriod)
        let excludedCells = excluded.sortedByKey()
        w.u32(UInt32(excludedCells.count))
        for (reason, cell) in excludedCells {
            w.string(reason)
            w.cell(cell)
        }
        w.byte(hasManufactured ? 1 : 0)
        let made = manufactured.sortedByKey()
        w.u32(UInt32(made.count))
        for (key, cell) in made {
            w.i64(Int64(key.scope3))
            w.string(key.supplier)
            w.string(key.manufacturer)
            w.cell(cell)
        }
        w.byte(hasPoolSources ? 1 : 0)
        let sources: [(key: PoolSourceKey, value: Cell)]
        if let known = order?.cells(of: self) {
            sources = known
        } else {
            sources = poolSourcesInOrder()
            order = PoolSourceOrder(keys: sources.map(\.key))
        }
        w.u32(UInt32(sources.count))
        for (key, cell) in sources {
            w.byte(UInt8(truncatingIfNeeded: key.scope3))
            w.byte((key.supplier != nil ? 1 : 0) | (key.category != nil ? 2 : 0) | (key.customer != nil ? 4 : 0))
            for text in [key.supplier, key.category, key.customer] { if let text { w.string(text) } }
            mark { $0.poolSources[key] = $1 }
            for m in 0..<5 { w.i64(Int64(cell.lines[m])) }
            for m in 0..<5 { w.i128(cell.nanoKg[m]) }
        }
        return (w.bytes, at)
    }

    /// Reads `binary()`'s output; nil when the bytes are not an inventory of this version.
    public init?(binary bytes: [UInt8]) {
        var r = BinaryReader(bytes: bytes)
        guard let version = r.byte(), version == 1 || (3...Self.binaryVersion).contains(version) else { return nil }
        var crossPresent = false
        if version >= 3 {
            guard let flag = r.byte(), flag <= 1 else { return nil }
            crossPresent = flag == 1
        }
        guard let total = r.cell() else { return nil }
        self.init()
        self.total = total
        hasSupplierScope3 = crossPresent
        hasManufactured = false
        hasPoolSources = false
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
        guard version >= 4 else {
            guard readTextReasons(&r, fallThroughSection: version == 3), r.atEnd else { return nil }
            return
        }
        guard let count = r.u32() else { return nil }
        for _ in 0..<count {
            let reason: UnmappedReason
            switch r.byte() {
            case 0:
                guard let category = r.string() else { return nil }
                reason = .noFactor(category: category)
            case 1:
                guard let packed = r.u32(), let currency = CurrencyCode(packed: packed), let year = r.i64() else { return nil }
                reason = .noExchangeRate(currency: currency, year: Int(year))
            case 2:
                guard let year = r.i64() else { return nil }
                reason = .noPriceIndex(year: Int(year))
            default: return nil
            }
            guard let cell = r.cell() else { return nil }
            unmapped[reason] = cell
        }
        guard let fellThrough = r.u32() else { return nil }
        for _ in 0..<fellThrough {
            guard let code = r.string(), let subject = r.string(), let cell = r.cell() else { return nil }
            fallThrough[FallThrough(code: code, subject: subject)] = cell
        }
        if version >= 5 {
            switch r.byte() {
            case 0: break
            case 1:
                guard let year = r.i64(), let month = r.byte(), let p = ReportingPeriod(fiscalYear: Int(year), startMonth: Int(month)) else {
                    return nil
                }
                period = p
            default: return nil
            }
            guard let outside = r.cell(), let count = r.u32() else { return nil }
            outsidePeriod = outside
            for _ in 0..<count {
                guard let reason = r.string(), let cell = r.cell() else { return nil }
                excluded[reason] = cell
            }
        }
        if version >= 6 {
            guard let flag = r.byte(), flag <= 1, let count = r.u32() else { return nil }
            hasManufactured = flag == 1
            for _ in 0..<count {
                guard let scope3 = r.i64(), let supplier = r.string(), let manufacturer = r.string(), let cell = r.cell() else { return nil }
                manufactured[ManufacturedKey(scope3: Int(scope3), supplier: supplier, manufacturer: manufacturer)] = cell
            }
        }
        if version >= 7 {
            guard let flag = r.byte(), flag <= 1, let count = r.u32() else { return nil }
            hasPoolSources = flag == 1
            poolSources.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let scope3 = r.byte(), let given = r.byte(), given < 8 else { return nil }
                var texts: [String?] = [nil, nil, nil]
                for i in 0..<3 where given & (1 << i) != 0 {
                    guard let text = r.string() else { return nil }
                    texts[i] = text
                }
                var cell = Cell()
                for m in 0..<5 {
                    guard let v = r.i64() else { return nil }
                    cell.lines[m] = Int(v)
                }
                for m in 0..<5 {
                    guard let v = r.i128() else { return nil }
                    cell.nanoKg[m] = v
                }
                poolSources[PoolSourceKey(scope3: Int(scope3), supplier: texts[0], category: texts[1], customer: texts[2])] = cell
            }
        }
        guard r.atEnd else { return nil }
    }

    /// Versions 1 and 3: reasons as code, subject and explanation texts.
    private mutating func readTextReasons(_ r: inout BinaryReader, fallThroughSection: Bool) -> Bool {
        for section in 0..<(fallThroughSection ? 2 : 1) {
            guard let count = r.u32() else { return false }
            for _ in 0..<count {
                guard let code = r.string(), let subject = r.string(), r.string() != nil, let cell = r.cell() else { return false }
                if section == 0 {
                    guard let reason = UnmappedReason(code: code, subject: subject) else { return false }
                    unmapped[reason] = cell
                } else {
                    fallThrough[FallThrough(code: code, subject: subject)] = cell
                }
            }
        }
        return true
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
        let sorted = spend.sortedByKey()
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
