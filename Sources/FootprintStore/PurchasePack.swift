import Foundation

/// The lines of one supplier from one import, column by column, as the calculation reads them:
/// one blob per pack, decoded with a few copies, no parsing.
///
/// Layout (little-endian, n = count): row Int64 x n, date Int32 x n (YYYYMMDD), category,
/// currency, product, unit, customer Int32 x n each (term ids, -1 when absent), amount digits
/// Int64 x n, amount Float64 x n (as the decimal parser read it), quantity Float64 x n (NaN when
/// absent), amount scale UInt8 x n, scope3 UInt8 x n (0 when not flagged).
struct PurchasePack: Sendable {
    var rows: [Int64] = []
    var dates: [Int32] = []
    var categories: [Int32] = []
    var currencies: [Int32] = []
    var products: [Int32] = []
    var units: [Int32] = []
    var customers: [Int32] = []
    var amountDigits: [Int64] = []
    var amounts: [Double] = []
    var quantities: [Double] = []
    var amountScales: [UInt8] = []
    var scope3: [UInt8] = []

    var count: Int { rows.count }

    static let bytesPerLine = 8 + 4 * 6 + 8 * 3 + 2

    mutating func reserve(_ n: Int) {
        rows.reserveCapacity(n); dates.reserveCapacity(n); categories.reserveCapacity(n); currencies.reserveCapacity(n)
        products.reserveCapacity(n); units.reserveCapacity(n); customers.reserveCapacity(n); amountDigits.reserveCapacity(n)
        amounts.reserveCapacity(n); quantities.reserveCapacity(n); amountScales.reserveCapacity(n); scope3.reserveCapacity(n)
    }

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true); dates.removeAll(keepingCapacity: true)
        categories.removeAll(keepingCapacity: true); currencies.removeAll(keepingCapacity: true)
        products.removeAll(keepingCapacity: true); units.removeAll(keepingCapacity: true)
        customers.removeAll(keepingCapacity: true); amountDigits.removeAll(keepingCapacity: true)
        amounts.removeAll(keepingCapacity: true); quantities.removeAll(keepingCapacity: true)
        amountScales.removeAll(keepingCapacity: true); scope3.removeAll(keepingCapacity: true)
    }

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 + count * Self.bytesPerLine)
        withUnsafeBytes(of: UInt32(count).littleEndian) { out.append(contentsOf: $0) }
        func put<T>(_ array: [T]) { array.withUnsafeBytes { out.append(contentsOf: $0) } }
        put(rows); put(dates); put(categories); put(currencies); put(products); put(units); put(customers)
        put(amountDigits); put(amounts); put(quantities); put(amountScales); put(scope3)
        return out
    }

    /// Reads a pack written by `encoded()`; `nil` when the blob is not one.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 4 else { return nil }
        let n = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
        guard bytes.count == 4 + n * Self.bytesPerLine else { return nil }
        var offset = 4
        func take<T>(_: T.Type) -> [T] {
            let size = n * MemoryLayout<T>.stride
            let array = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size]))
                initialized = n
            }
            offset += size
            return array
        }
        rows = take(Int64.self); dates = take(Int32.self); categories = take(Int32.self); currencies = take(Int32.self)
        products = take(Int32.self); units = take(Int32.self); customers = take(Int32.self)
        amountDigits = take(Int64.self); amounts = take(Double.self); quantities = take(Double.self)
        amountScales = take(UInt8.self); scope3 = take(UInt8.self)
    }

    init() {}

    /// Columns from lines collected one by one.
    init(_ lines: [PackLine]) {
        reserve(lines.count)
        for l in lines {
            rows.append(l.row); dates.append(l.date); categories.append(l.category); currencies.append(l.currency)
            products.append(l.product); units.append(l.unit); customers.append(l.customer); amountDigits.append(l.amountDigits)
            amounts.append(l.amount); quantities.append(l.quantity); amountScales.append(l.amountScale); scope3.append(l.scope3)
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
    var amount: Double
    var quantity: Double
    var amountScale: UInt8
    var scope3: UInt8
}
