import Foundation

/// The lines of one supplier from one import, column by column, as the calculation reads them:
/// one blob per pack, decoded with a few copies, no parsing.
///
/// Layout (little-endian, n = count): n UInt32, 4 bytes zero, first row Int64; then amount digits
/// Int64 x n, quantity Float64 x n (NaN when absent), row offset Int32 x n (row id - first row),
/// date Int32 x n (YYYYMMDD), category, currency, product, unit, customer Int32 x n each (term ids,
/// -1 when absent), amount scale UInt8 x n, scope3 UInt8 x n (0 when not flagged). 46 bytes per line.
/// The amount as a number is not stored: it is the correctly rounded value of digits x 10^-scale,
/// which is what the decimal parser gives for the text (`amount(_:)`).
struct PurchasePack: Sendable {
    var firstRow: Int64 = 0
    var rowOffsets: [Int32] = []
    var dates: [Int32] = []
    var categories: [Int32] = []
    var currencies: [Int32] = []
    var products: [Int32] = []
    var units: [Int32] = []
    var customers: [Int32] = []
    var amountDigits: [Int64] = []
    var quantities: [Double] = []
    var amountScales: [UInt8] = []
    var scope3: [UInt8] = []

    var count: Int { rowOffsets.count }

    static let bytesPerLine = 4 * 7 + 8 * 2 + 2
    static let headerBytes = 16

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.headerBytes + count * Self.bytesPerLine)
        withUnsafeBytes(of: UInt32(count).littleEndian) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(0)) { out.append(contentsOf: $0) }
        withUnsafeBytes(of: firstRow.littleEndian) { out.append(contentsOf: $0) }
        func put<T>(_ array: [T]) { array.withUnsafeBytes { out.append(contentsOf: $0) } }
        put(amountDigits)
        put(quantities)
        put(rowOffsets)
        put(dates)
        put(categories)
        put(currencies)
        put(products)
        put(units)
        put(customers)
        put(amountScales)
        put(scope3)
        return out
    }

    /// Columns from lines collected one by one (in row order).
    init(_ lines: [PackLine]) {
        let n = lines.count
        firstRow = lines.first?.row ?? 0
        rowOffsets.reserveCapacity(n)
        dates.reserveCapacity(n)
        categories.reserveCapacity(n)
        currencies.reserveCapacity(n)
        products.reserveCapacity(n)
        units.reserveCapacity(n)
        customers.reserveCapacity(n)
        amountDigits.reserveCapacity(n)
        quantities.reserveCapacity(n)
        amountScales.reserveCapacity(n)
        scope3.reserveCapacity(n)
        for l in lines {
            rowOffsets.append(Int32(truncatingIfNeeded: l.row - firstRow))
            dates.append(l.date)
            categories.append(l.category)
            currencies.append(l.currency)
            products.append(l.product)
            units.append(l.unit)
            customers.append(l.customer)
            amountDigits.append(l.amountDigits)
            quantities.append(l.quantity)
            amountScales.append(l.amountScale)
            scope3.append(l.scope3)
        }
    }
}

/// One line of a pack while an import collects it (one append per line; turned into columns when the pack is written).
struct PackLine: Sendable {
    var row: Int64
    var date: Int32
    var category: Int32
    var currency: Int32
    var product: Int32
    var unit: Int32
    var customer: Int32
    var amountDigits: Int64
    var quantity: Double
    var amountScale: UInt8
    var scope3: UInt8
}

/// A pack read in place from the blob SQLite returns (valid only while the statement stays on its
/// row): no copy, no allocation. Loads are unaligned, since a blob may start anywhere in a page.
struct PackView {
    let count: Int
    let firstRow: Int64
    private let base: UnsafeRawPointer
    private let n: Int

    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= PurchasePack.headerBytes, let base = bytes.baseAddress else { return nil }
        let n = Int(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
        guard bytes.count == PurchasePack.headerBytes + n * PurchasePack.bytesPerLine else { return nil }
        self.base = base + PurchasePack.headerBytes
        self.n = n
        count = n
        firstRow = Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: Int64.self))
    }

    @inline(__always) private func int32(_ column: Int, _ i: Int) -> Int32 {
        base.loadUnaligned(fromByteOffset: 16 * n + (column * n + i) * 4, as: Int32.self)
    }
    @inline(__always) func amountDigits(_ i: Int) -> Int64 { base.loadUnaligned(fromByteOffset: i * 8, as: Int64.self) }
    @inline(__always) func quantity(_ i: Int) -> Double { base.loadUnaligned(fromByteOffset: (n + i) * 8, as: Double.self) }
    @inline(__always) func row(_ i: Int) -> Int64 { firstRow + Int64(int32(0, i)) }
    @inline(__always) func date(_ i: Int) -> Int32 { int32(1, i) }
    @inline(__always) func category(_ i: Int) -> Int32 { int32(2, i) }
    @inline(__always) func currency(_ i: Int) -> Int32 { int32(3, i) }
    @inline(__always) func product(_ i: Int) -> Int32 { int32(4, i) }
    @inline(__always) func unit(_ i: Int) -> Int32 { int32(5, i) }
    @inline(__always) func customer(_ i: Int) -> Int32 { int32(6, i) }
    @inline(__always) func amountScale(_ i: Int) -> UInt8 { base.load(fromByteOffset: 44 * n + i, as: UInt8.self) }
    @inline(__always) func scope3(_ i: Int) -> UInt8 { base.load(fromByteOffset: 45 * n + i, as: UInt8.self) }

    static let powers: [Double] = (0...18).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// The amount of line `i` as `FieldParser.decimal` reads its text: digits and 10^scale are exact
    /// doubles below 2^53, so one division rounds correctly; larger digit strings go through strtod.
    @inline(__always)
    func amount(_ i: Int) -> Double {
        let digits = amountDigits(i)
        let scale = Int(amountScale(i))
        if digits.magnitude < 1 << 53 { return Double(digits) / Self.powers[scale] }
        return strtod("\(digits)e-\(scale)", nil)
    }
}
