public import FootprintCore

/// The repeated texts of purchase lines, interned by `PurchaseRecordDecoder`: one table per field,
/// so that a term number is a dense index of its field (0, 1, 2, ... per field, usable as a slot
/// without a second mapping) and each lookup probes a table as small as its field's texts. A
/// category lookup then stays in the processor's first-level cache instead of sharing a table of
/// thousands of suppliers and products.
public struct PurchaseTerms: Sendable {
    /// The fields whose texts repeat.
    public enum Field: Int, CaseIterable, Sendable {
        case supplier, category, currency, product, unit, customer, erpCategory
    }

    public internal(set) var supplier: ByteInterner
    public internal(set) var category: ByteInterner
    public internal(set) var currency = ByteInterner(capacity: 16)
    public internal(set) var product: ByteInterner
    public internal(set) var unit = ByteInterner(capacity: 16)
    public internal(set) var customer: ByteInterner
    public internal(set) var erpCategory: ByteInterner

    /// Per currency term, its code packed (`CurrencyCode.packed`; `UInt32.max` for a term interned
    /// otherwise): searched before the table, since a ledger has a handful of currencies and a scan of
    /// one short array costs less than a hashed probe on every line.
    private var currencyCodes: [UInt32] = []

    /// `capacity`: the expected number of distinct suppliers (the other tables are sized from it).
    public init(capacity: Int) {
        supplier = ByteInterner(capacity: capacity)
        category = ByteInterner(capacity: max(64, capacity / 4))
        product = ByteInterner(capacity: max(64, capacity / 4))
        customer = ByteInterner(capacity: max(64, capacity / 4))
        erpCategory = ByteInterner(capacity: 64)
    }

    /// The number of terms of every field.
    public var count: Int {
        supplier.count + category.count + currency.count + product.count + unit.count + customer.count + erpCategory.count
    }

    /// The table of `field`.
    public subscript(field: Field) -> ByteInterner {
        switch field {
        case .supplier: supplier
        case .category: category
        case .currency: currency
        case .product: product
        case .unit: unit
        case .customer: customer
        case .erpCategory: erpCategory
        }
    }

    /// The text of term `term` of `field`.
    public func string(_ field: Field, _ term: Int32) -> String { self[field].string(at: Int(term)) }

    /// The term of a currency whose three letters, at `letters`, read as `code`.
    @inline(__always)
    mutating func currencyTerm(_ code: CurrencyCode, _ letters: UnsafeRawPointer) -> Int32 {
        let packed = code.packed
        // Every code compared, with no early exit: a line's currency is random among a handful, and a
        // loop that stopped at the match mispredicted where it stopped on most lines.
        let found = currencyCodes.withUnsafeBufferPointer { codes in
            var found = -1
            for i in 0..<codes.count { found = codes[i] == packed ? i : found }
            return found
        }
        return found >= 0 ? Int32(found) : internCurrency(packed, letters)
    }

    @inline(never)
    private mutating func internCurrency(_ packed: UInt32, _ letters: UnsafeRawPointer) -> Int32 {
        let term = currency.intern(letters, 3)
        if term >= currencyCodes.count { currencyCodes += Array(repeating: UInt32.max, count: term + 1 - currencyCodes.count) }
        currencyCodes[term] = packed
        return Int32(term)
    }

    /// Interns `length` bytes at `base` into the table of `field` (`readable`: the bytes readable
    /// from `base`, at least `length`).
    @inline(__always)
    mutating func intern(_ field: Field, _ base: UnsafeRawPointer, _ length: Int, readable: Int) -> Int32 {
        switch field {
        case .supplier: Int32(supplier.intern(base, length, readable: readable))
        case .category: Int32(category.intern(base, length, readable: readable))
        case .currency: Int32(currency.intern(base, length, readable: readable))
        case .product: Int32(product.intern(base, length, readable: readable))
        case .unit: Int32(unit.intern(base, length, readable: readable))
        case .customer: Int32(customer.intern(base, length, readable: readable))
        case .erpCategory: Int32(erpCategory.intern(base, length, readable: readable))
        }
    }
}
