/// Builds an `InventoryAggregate` from line results on the hot path: dense arrays indexed by the
/// caller's slots (term numbers for supplier, category and customer; 0...15 for the Scope 3
/// category; a month number), so that adding a line allocates nothing. `aggregate` turns slots
/// back into names. One accumulator per thread; add the aggregates.
public struct AggregateAccumulator: Sendable {
    struct Table: Sendable {
        var lines: [Int] = []
        var nanoKg: [Int128] = []
        var spend: [Int128] = []
        var slots = 0

        mutating func grow(to slot: Int, currencies: Int) {
            let wider = max(slot + 1, slots * 2, 16)
            lines += Array(repeating: 0, count: (wider - slots) * 5)
            nanoKg += Array(repeating: 0, count: (wider - slots) * 5)
            var grown = [Int128](repeating: 0, count: wider * currencies)
            for i in 0..<min(spend.count, grown.count) { grown[i] = spend[i] }
            spend = grown
            slots = wider
        }
    }

    /// Currency slots are fixed up front (term numbers of currencies can be large; callers map them).
    public let currencyCount: Int
    var tables: [Table] = Array(repeating: Table(), count: InventoryAggregate.Dimension.allCases.count)
    var total = InventoryAggregate.Cell()
    var totalSpend: [Int128]
    var methodSpend: [Int128]
    var unmapped: [InventoryAggregate.UnmappedKey: InventoryAggregate.Cell] = [:]

    public init(currencyCount: Int) {
        self.currencyCount = max(1, currencyCount)
        totalSpend = Array(repeating: 0, count: self.currencyCount)
        methodSpend = Array(repeating: 0, count: self.currencyCount * 5)
        for d in 0..<tables.count { tables[d].spend = [] }
    }

    /// `nanoKg` from kg, rounded to the nearest whole nano-kilogram.
    @inline(__always)
    public static func nanoKg(_ kg: Double) -> Int128 { Int128((kg * 1e9).rounded()) }

    /// Adds one line: `method` 0...3 or 4 for unmapped; `slots` per dimension in
    /// `InventoryAggregate.Dimension.allCases` order (-1: the line has no value, e.g. no customer);
    /// `spendUnits` the amount in 10^-18 units of currency slot `currency`.
    @inline(__always)
    public mutating func add(method: Int, nanoKg: Int128, slots: (Int, Int, Int, Int, Int), currency: Int, spendUnits: Int128) {
        total.lines[method] += 1
        total.nanoKg[method] += nanoKg
        totalSpend[currency] += spendUnits
        methodSpend[method * currencyCount + currency] += spendUnits
        addTo(0, slots.0, method, nanoKg, currency, spendUnits)
        addTo(1, slots.1, method, nanoKg, currency, spendUnits)
        addTo(2, slots.2, method, nanoKg, currency, spendUnits)
        addTo(3, slots.3, method, nanoKg, currency, spendUnits)
        addTo(4, slots.4, method, nanoKg, currency, spendUnits)
    }

    @inline(__always)
    mutating func addTo(_ d: Int, _ slot: Int, _ method: Int, _ nanoKg: Int128, _ currency: Int, _ spendUnits: Int128) {
        guard slot >= 0 else { return }
        if slot >= tables[d].slots { tables[d].grow(to: slot, currencies: currencyCount) }
        tables[d].lines[slot * 5 + method] += 1
        tables[d].nanoKg[slot * 5 + method] += nanoKg
        tables[d].spend[slot * currencyCount + currency] += spendUnits
    }

    /// Counts an unmapped line under its reason (in addition to `add` with method 4).
    public mutating func addUnmapped(_ reason: UnmappedReason, currency: CurrencyCode, spendUnits: Int128) {
        let key = InventoryAggregate.UnmappedKey(reason)
        var cell = unmapped[key] ?? InventoryAggregate.Cell()
        cell.lines[4] += 1
        cell.spend[currency, default: 0] += spendUnits
        unmapped[key] = cell
    }

    /// The figures with slots replaced by names: `name(dimension, slot)`, and `currencies[slot]`.
    public func aggregate(currencies: [CurrencyCode], name: (InventoryAggregate.Dimension, Int) -> String) -> InventoryAggregate {
        var a = InventoryAggregate()
        a.total = total
        for c in 0..<min(currencyCount, currencies.count) where totalSpend[c] != 0 {
            a.total.spend[currencies[c], default: 0] += totalSpend[c]
        }
        for m in 0..<5 {
            for c in 0..<min(currencyCount, currencies.count) where methodSpend[m * currencyCount + c] != 0 {
                a.methodSpendUnits[m][currencies[c], default: 0] += methodSpend[m * currencyCount + c]
            }
        }
        for (d, dimension) in InventoryAggregate.Dimension.allCases.enumerated() {
            var cells: [String: InventoryAggregate.Cell] = [:]
            let table = tables[d]
            for slot in 0..<table.slots {
                var cell = InventoryAggregate.Cell()
                var any = false
                for m in 0..<5 where table.lines[slot * 5 + m] != 0 {
                    cell.lines[m] = table.lines[slot * 5 + m]
                    cell.nanoKg[m] = table.nanoKg[slot * 5 + m]
                    any = true
                }
                guard any else { continue }
                for c in 0..<min(currencyCount, currencies.count) where table.spend[slot * currencyCount + c] != 0 {
                    cell.spend[currencies[c], default: 0] += table.spend[slot * currencyCount + c]
                }
                let key = name(dimension, slot)
                if var existing = cells[key] {
                    existing.add(cell)
                    cells[key] = existing
                } else {
                    cells[key] = cell
                }
            }
            if !cells.isEmpty { a.groups[dimension] = cells }
        }
        a.unmapped = unmapped
        return a
    }
}
