/// Exact spend by row and currency slot, as sums of integer digits at each decimal scale (0...18), so
/// that adding an amount is one integer addition with no multiplication: `sum` combines them into a
/// `DecimalSum`. Rows and currency slots are the caller's (for `InventoryAccumulator`: the methods,
/// unmapped, outside the period and each exclusion); both grow on first use.
public struct SpendTable: Sendable {
    /// digits at `[(row * currencySlots + currency) * scales + scale]`.
    @usableFromInline var digits: [Int128] = []
    @usableFromInline var rows = 0
    @usableFromInline var currencySlots = 0
    @usableFromInline static let scales = 19

    public init(rows: Int = 0) { grow(rows: rows, currencySlots: 0) }

    /// Adds `digits` x 10^-`scale` to `row` and `currencySlot`.
    @inlinable @inline(__always)
    public mutating func add(row: Int, currencySlot: Int, digits amount: Int64, scale: Int) {
        if row >= rows || currencySlot >= currencySlots { grow(rows: max(rows, row + 1), currencySlots: max(currencySlots, currencySlot + 8)) }
        digits[(row * currencySlots + currencySlot) * Self.scales + scale] += Int128(amount)
    }

    @usableFromInline
    mutating func grow(rows newRows: Int, currencySlots newSlots: Int) {
        var grown = [Int128](repeating: 0, count: newRows * newSlots * Self.scales)
        for r in 0..<rows {
            for c in 0..<currencySlots {
                for p in 0..<Self.scales { grown[(r * newSlots + c) * Self.scales + p] = digits[(r * currencySlots + c) * Self.scales + p] }
            }
        }
        digits = grown
        rows = newRows
        currencySlots = newSlots
    }

    /// The exact sum of `row` in `currencySlot` (zero where nothing was added).
    public func sum(row: Int, currencySlot: Int) -> DecimalSum {
        var sum = DecimalSum()
        guard row < rows, currencySlot < currencySlots else { return sum }
        for p in 0..<Self.scales {
            let d = digits[(row * currencySlots + currencySlot) * Self.scales + p]
            if d != 0 { sum.add(DecimalSum(units: d, scale: p)) }
        }
        return sum
    }

    /// The sums of `row` by currency, for the currencies of the first slots (`currencies[slot]`); zero sums left out.
    public func sums(row: Int, currencies: [CurrencyCode]) -> [CurrencyCode: DecimalSum] {
        var result: [CurrencyCode: DecimalSum] = [:]
        for c in 0..<min(currencySlots, currencies.count) {
            let s = sum(row: row, currencySlot: c)
            if s != DecimalSum() { result[currencies[c], default: DecimalSum()].add(s) }
        }
        return result
    }
}
